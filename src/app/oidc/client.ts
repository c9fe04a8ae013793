/** The provider's configuration (discovery), fetched once per server, issuer and client. */
import * as oidc from 'openid-client';
import type { OidcSettings } from '../../core/config.ts';
import type { ResourceKey, ResourceScope } from '../../core/resources.ts';

/** One server's provider configurations (core/resources.ts), forgotten when the server closes. */
const PROVIDERS: ResourceKey<Map<string, Promise<oidc.Configuration>>> = {
  name: 'OpenID Connect providers',
  make: () => new Map(),
};

/** Plain http is accepted only for a provider on this machine (development and tests). */
const isLoopback = (u: URL) => u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);

export function providerConfig(resources: ResourceScope, s: OidcSettings): Promise<oidc.Configuration> {
  const cache = resources.use(PROVIDERS);
  // The secret and redirect URI are part of the configuration: a changed setting is a new one.
  const key = JSON.stringify([s.issuer, s.clientId, s.clientSecret, s.redirectUri]);
  let p = cache.get(key);
  if (!p) {
    const issuer = new URL(s.issuer);
    p = oidc.discovery(
      issuer,
      s.clientId,
      { client_secret: s.clientSecret, redirect_uris: [s.redirectUri] },
      oidc.ClientSecretPost(s.clientSecret),
      isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}
