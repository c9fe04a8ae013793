/**
 * Keys derived from the one master secret (FREMDRIFT_SECRET): CPR numbers are stored
 * encrypted (AES-256-GCM) beside a keyed hash (HMAC-SHA-256) used for look-ups and for linking
 * register data, so the plain number is never in the database.
 */
import type { Vault } from '../core/deps.ts';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export type { Vault };

function derive(secret: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), info, 32));
}

export function createVault(secret: string): Vault {
  if (!secret || secret.length < 16) throw new Error('FREMDRIFT_SECRET skal være mindst 16 tegn.');
  const encKey = derive(secret, 'fremdrift/cpr-encryption');
  const hashKey = derive(secret, 'fremdrift/cpr-hash');
  const pseudoKey = derive(secret, 'fremdrift/pseudonym');
  const purposeKeys = new Map<string, Buffer>();
  const purposeKey = (purpose: string) => {
    let k = purposeKeys.get(purpose);
    if (!k) purposeKeys.set(purpose, (k = derive(secret, `fremdrift/keyed/${purpose}`)));
    return k;
  };
  return {
    encryptCpr(cpr) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(cpr, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    },
    decryptCpr(enc) {
      const buf = Buffer.from(enc, 'base64');
      const d = createDecipheriv('aes-256-gcm', encKey, buf.subarray(0, 12));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
    },
    hashCpr(cpr) {
      return createHmac('sha256', hashKey).update(cpr).digest('hex');
    },
    pseudonym(cprHash, scope) {
      const h = createHmac('sha256', pseudoKey).update(`${scope}:${cprHash}`).digest('hex');
      return `P-${h.slice(0, 10).toUpperCase()}`;
    },
    keyedHash(purpose, text) {
      return createHmac('sha256', purposeKey(purpose)).update(text, 'utf8').digest('hex');
    },
  };
}
