import { describe, expect, it } from 'vitest';
import { chooseEncoding } from './chooseEncoding.js';

describe('chooseEncoding', () => {
  const both = ['br', 'gzip'] as const;
  it('prefers brotli at equal weight, whatever order the browser lists them in', () => {
    expect(chooseEncoding('gzip, deflate, br', both)).toBe('br');
    expect(chooseEncoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(chooseEncoding('br, gzip', ['gzip'])).toBe('gzip');
  });
  it('follows q values', () => {
    expect(chooseEncoding('br;q=0.5, gzip', both)).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0', both)).toBeUndefined();
    expect(chooseEncoding('gzip;q=0.5, identity', both)).toBeUndefined();
    expect(chooseEncoding('*', both)).toBe('br');
    expect(chooseEncoding('*;q=0.2, gzip;q=0', ['gzip'])).toBeUndefined();
  });
  it('sends plain bytes without Accept-Encoding or for identity alone', () => {
    expect(chooseEncoding(undefined, both)).toBeUndefined();
    expect(chooseEncoding('', both)).toBeUndefined();
    expect(chooseEncoding('identity', both)).toBeUndefined();
    expect(chooseEncoding('deflate', both)).toBeUndefined();
  });
});
