/**
 * OpenID Connect authorization code flow with PKCE, state and nonce. `startSignIn` keeps the
 * secrets server-side under the hash of a random browser cookie; `finishSignIn` checks them
 * against the provider's answer (openid-client validates the ID token, nonce and PKCE),
 * provisions the user from the claims and opens a fresh session.
 */
import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { AppError } from '../../core/errors.ts';
import type { AppDeps } from '../../core/deps.ts';
import { appendAudit } from '../../db/audit-log.ts';
import { provisionOidcUser, storePendingSignIn, takePendingSignIn } from '../../db/oidc.ts';
import { createSession, sha256 } from '../../db/users.ts';
import { providerConfig } from './client.ts';
import { mapClaims } from './claims.ts';
import type { OidcSettings } from '../../core/config.ts';

export const PENDING_MINUTES = 10;
export const SCOPE = 'openid profile fremdrift';

export async function startSignIn({ db, resources }: Pick<AppDeps, 'db' | 'resources'>, s: OidcSettings, next: string) {
  const config = await providerConfig(resources, s);
  const cookie = randomBytes(32).toString('base64url');
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const verifier = oidc.randomPKCECodeVerifier();
  await storePendingSignIn(db, sha256(cookie), { state, nonce, verifier, next }, PENDING_MINUTES);
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: s.redirectUri,
    scope: SCOPE,
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { cookie, url: url.href };
}

const failed = () => new AppError('INVALID', 'Login-forsøget kunne ikke bekræftes. Prøv at logge ind igen.');

/** `sessionHours`: the session's first expiry — the idle time, so an unused session ends as early as the setting says. */
export async function finishSignIn(
  { db, resources }: Pick<AppDeps, 'db' | 'resources'>,
  s: OidcSettings,
  cookie: string | undefined,
  query: URLSearchParams,
  ip: string,
  sessionHours: number,
) {
  // The pending sign-in is used once, whatever happens next.
  const pending = cookie ? await takePendingSignIn(db, sha256(cookie), PENDING_MINUTES) : undefined;
  if (!pending || query.get('state') !== pending.state) throw failed();
  if (query.get('error')) throw new AppError('FORBIDDEN', 'Login blev afbrudt eller afvist hos login-udbyderen.');
  const config = await providerConfig(resources, s);
  // The URL the provider redirected to, rebuilt from the configured redirect URI (not the Host header).
  const current = new URL(s.redirectUri);
  current.search = query.toString();
  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    const info = config.serverMetadata().userinfo_endpoint ? await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub) : {};
    claims = { ...idClaims, ...info };
  } catch {
    throw failed();
  }
  const issuer = config.serverMetadata().issuer;
  let mapped;
  try {
    mapped = mapClaims(claims);
  } catch (e) {
    await appendAudit(
      db,
      { userId: null, username: `oidc:${String(claims.sub ?? '?').slice(0, 100)}`, role: null, ip },
      {
        action: 'login_afvist',
        entity: 'session',
        detail: { method: 'oidc', issuer, reason: (e as Error).message },
      },
    );
    throw e;
  }
  const user = await provisionOidcUser(db, issuer, mapped, ip);
  const session = await createSession(db, user.id, Math.min(12, sessionHours));
  await appendAudit(
    db,
    { userId: user.id, username: user.username, role: user.role, ip },
    {
      action: 'login',
      entity: 'session',
      detail: { method: 'oidc', issuer },
    },
  );
  return { sessionId: session.id, next: pending.next };
}
