import { describe, expect, it } from 'vitest';
import { assertStrongPassword } from './assertStrongPassword.js';
import { WeakPassword } from '../errors/WeakPassword.js';

const who = { email: 'ana.souza@example.org', name: 'Ana Souza' };
const weak = (password: string) => () => assertStrongPassword(password, who);

describe('assertStrongPassword', () => {
  it('refuses common passwords in any case, also spaced out', () => {
    expect(weak('password12')).toThrow(WeakPassword);
    expect(weak('PASSWORD123')).toThrow(WeakPassword);
    expect(weak('qwerty uiop')).toThrow(WeakPassword);
  });

  it('refuses whitespace, one repeated character, and the email or the name', () => {
    expect(weak(' '.repeat(10))).toThrow(WeakPassword);
    expect(weak('\u3000'.repeat(10))).toThrow(WeakPassword);
    expect(weak('zzzzzzzzzzzz')).toThrow(WeakPassword);
    expect(weak('ana.souza@example.org')).toThrow(WeakPassword);
    expect(weak('Ana.Souza')).toThrow(WeakPassword);
    expect(weak('anasouza')).toThrow(WeakPassword);
  });

  it('accepts passphrases and uncommon passwords', () => {
    expect(weak('lantern orchard ninety')).not.toThrow();
    expect(weak('correct horse battery')).not.toThrow();
    expect(weak('Vy7#qLp2!zR9')).not.toThrow();
  });
});
