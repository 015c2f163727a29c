import { WeakPassword } from '../errors/WeakPassword.js';
import { COMMON_PASSWORDS } from './commonPasswords.js';

export interface PasswordContext {
  email: string;
  name: string;
}

/**
 * Refuses a new password that is easy to guess, as NIST SP 800-63B (5.1.1.2) asks: one of the
 * most common passwords (any case), nothing but whitespace, one character repeated, or the
 * account's own email, its local part or the person's name. The length limits are checked by the
 * request schema before; nothing else is imposed (no composition rules: passphrases are welcome).
 */
export function assertStrongPassword(password: string, context: PasswordContext): void {
  const folded = password.normalize('NFKC').trim().toLowerCase();
  if (folded === '') throw new WeakPassword('The password is only whitespace.');
  if (new Set(folded).size === 1) throw new WeakPassword('The password repeats one character.');
  if (COMMON_PASSWORDS.has(folded) || COMMON_PASSWORDS.has(folded.replace(/\s+/g, ''))) {
    throw new WeakPassword('This is one of the most common passwords.');
  }
  const email = context.email.toLowerCase();
  const personal = [email, email.split('@')[0] ?? '', context.name.trim().toLowerCase()];
  if (personal.some((word) => word.length > 0 && folded.replace(/\s+/g, '') === word.replace(/\s+/g, ''))) {
    throw new WeakPassword('The password is your email address or your name.');
  }
}
