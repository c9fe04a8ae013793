/** OpenID Connect settings from the environment; sign-in with a provider is on when all four are set. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export function oidcSettings(env: NodeJS.ProcessEnv = process.env): OidcSettings | undefined {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI } = env;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET || !OIDC_REDIRECT_URI) return undefined;
  return { issuer: OIDC_ISSUER, clientId: OIDC_CLIENT_ID, clientSecret: OIDC_CLIENT_SECRET, redirectUri: OIDC_REDIRECT_URI };
}

export const oidcConfigured = (env: NodeJS.ProcessEnv = process.env) => oidcSettings(env) !== undefined;

export const OIDC_BUTTON_LABEL = 'Log ind med NemLog-in/organisationens login';
