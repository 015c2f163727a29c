import { describe, expect, it } from 'vitest';
import { assertScryptCost, hashPassword, verifyDummyPassword, verifyPassword } from './passwordHashing.js';

// a low cost keeps the unit tests fast; the format and code path are the same as at 2^17
const COST = 1024;

describe('password hashing', () => {
  it('stores a self-describing scrypt string with a 16-byte salt', async () => {
    const stored = await hashPassword('correct horse battery', COST);
    const [algorithm, n, r, p, salt, key] = stored.split('$');
    expect(algorithm).toBe('scrypt');
    expect([n, r, p]).toEqual(['1024', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64')).toHaveLength(32);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery', COST);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const a = await hashPassword('same password', COST);
    const b = await hashPassword('same password', COST);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('verifies with the parameters stored in the hash, so the cost can be raised later', async () => {
    const old = await hashPassword('pw', 2048);
    expect(await verifyPassword('pw', old)).toBe(true);
  });

  it('supports the OWASP cost (N = 2^17), which needs more than the default scrypt memory', async () => {
    const stored = await hashPassword('pw', 2 ** 17);
    expect(stored.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(await verifyPassword('pw', stored)).toBe(true);
  }, 20_000);

  it('treats Unicode-equivalent passwords alike (NFKC)', async () => {
    const stored = await hashPassword('Contraseña', COST);
    expect(await verifyPassword('Contrase\u006e\u0303a', stored)).toBe(true);
  });

  it('answers false, without throwing, for stored values it cannot read or that ask too much', async () => {
    for (const stored of [
      '',
      'plain',
      'bcrypt$2b$10$abc',
      'scrypt$1000$8$1$c2FsdA==$a2V5',
      'scrypt$1073741824$8$1$c2FsdA==$a2V5',
      'scrypt$1024$8$1$$a2V5',
      'scrypt$1024$999$1$c2FsdA==$a2V5',
    ]) {
      expect(await verifyPassword('pw', stored), stored).toBe(false);
    }
  });

  it('refuses a cost that is not a power of two, or absurdly large', async () => {
    await expect(hashPassword('pw', 1000)).rejects.toThrow(RangeError);
    expect(() => assertScryptCost(100_000)).toThrow(/SCRYPT_COST/);
    expect(() => assertScryptCost(2 ** 21)).toThrow(/SCRYPT_COST/);
    expect(() => assertScryptCost(2 ** 17)).not.toThrow();
  });

  // its cost is a timing property, left to the login benchmark rather than a timed assertion here
  it('the dummy verification always fails', async () => {
    for (const guess of ['wrong', '', 'pw']) expect(await verifyDummyPassword(guess, 4096)).toBe(false);
  });
});
