/** The provider's configuration (discovery), fetched once per issuer and client. */
import * as oidc from 'openid-client';
import type { OidcSettings } from '../../core/config.ts';

const cache = new Map<string, Promise<oidc.Configuration>>();

/** Plain http is accepted only for a provider on this machine (development and tests). */
const isLoopback = (u: URL) => u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);

export function providerConfig(s: OidcSettings): Promise<oidc.Configuration> {
  const key = `${s.issuer}\n${s.clientId}`;
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
