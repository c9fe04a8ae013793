import { describe, expect, it } from 'vitest';
import { createVault } from './vault.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('vault', () => {
  const v = createVault('test-secret-0123456789');
  it('round-trips a CPR number and never stores it in clear', () => {
    const enc = v.encryptCpr('0101901234');
    expect(enc).not.toContain('0101901234');
    expect(v.decryptCpr(enc)).toBe('0101901234');
    expect(v.encryptCpr('0101901234')).not.toBe(enc); // random IV
  });
  it('hashes deterministically per secret', () => {
    expect(v.hashCpr('0101901234')).toBe(v.hashCpr('0101901234'));
    expect(createVault('another-secret-0123456').hashCpr('0101901234')).not.toBe(v.hashCpr('0101901234'));
  });
  it('rejects tampered ciphertext', () => {
    const enc = Buffer.from(v.encryptCpr('0101901234'), 'base64');
    enc[enc.length - 1] ^= 1;
    expect(() => v.decryptCpr(enc.toString('base64'))).toThrow();
  });
  it('gives stable pseudonyms per scope', () => {
    const h = v.hashCpr('0101901234');
    expect(v.pseudonym(h, 'p1')).toBe(v.pseudonym(h, 'p1'));
    expect(v.pseudonym(h, 'p1')).not.toBe(v.pseudonym(h, 'p2'));
  });
});

describe('passwords', () => {
  it('verifies argon2id hashes', async () => {
    const h = await hashPassword('demo');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'demo')).toBe(true);
    expect(await verifyPassword(h, 'Demo')).toBe(false);
    expect(await verifyPassword(null, 'demo')).toBe(false);
  });
});
