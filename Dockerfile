# Fremdrift: Node 20 slim, production dependencies only, runs as the unprivileged `node` user.
# There is no build step: the TypeScript sources run through tsx (a production dependency).
# Settings come from the environment (README → Settings); no data folder is needed on
# PostgreSQL (DATABASE_URL).

FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-slim AS runtime
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
# Noto fonts for "Min plan" printed in Arabic script and Tigrinya (reports/tagged-pdf.ts).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root package.json ./
COPY --chown=root:root bin ./bin
COPY --chown=root:root src ./src
COPY --chown=root:root static ./static
# The code is owned by root and read-only for the process; only /app/data is writable
# (the embedded database, when DATABASE_URL is not set).
RUN mkdir -p /app/data && chown node:node /app/data && chmod 0700 /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "bin/fremdrift.js", "serve"]
