import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt (node:crypto) at OWASP's recommended cost: N = 2^17, r = 8, p = 1.
 * The stored string names the algorithm and its parameters, `scrypt$N$r$p$salt$hash` (base64), so
 * raising the cost later leaves existing hashes verifiable.
 */
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** refuse stored parameters beyond these: a corrupted record must not exhaust memory */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; node's default maxmem (32 MiB) is below OWASP's cost, so raise it
  const options: ScryptOptions = { N: n, r, p, maxmem: 128 * n * r * p + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;
}

/** Checked at start-up, so a mistyped SCRYPT_COST stops the server instead of every registration. */
export function assertScryptCost(cost: number): void {
  if (!isPowerOfTwo(cost) || cost > MAX_N) {
    throw new RangeError(`SCRYPT_COST must be a power of two up to ${MAX_N} (got ${cost})`);
  }
}

export async function hashPassword(password: string, cost: number): Promise<string> {
  assertScryptCost(cost);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost, R, P);
  return ['scrypt', cost, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `password` matches `stored`; false for a mismatch or a stored value it cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (!isPowerOfTwo(n) || n > MAX_N) return false;
  if (!Number.isInteger(r) || r < 1 || r > MAX_R) return false;
  if (!Number.isInteger(p) || p < 1 || p > MAX_P) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (salt.length === 0 || expected.length === 0) return false;
  const actual = await derive(password, salt, n, r, p);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const dummies = new Map<number, Promise<string>>();

/**
 * Spends the same time as verifying a real password, for logins with an unknown email: the answer
 * and its timing must not reveal which accounts exist. Always false.
 */
export async function verifyDummyPassword(password: string, cost: number): Promise<false> {
  let dummy = dummies.get(cost);
  if (!dummy) {
    dummy = hashPassword(randomBytes(16).toString('hex'), cost);
    dummies.set(cost, dummy);
  }
  await verifyPassword(password, await dummy);
  return false;
}
