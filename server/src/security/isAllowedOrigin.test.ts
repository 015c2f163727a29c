import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './isAllowedOrigin.js';

describe('isAllowedOrigin', () => {
  it('allows same-origin requests and listed origins, nothing else', () => {
    expect(isAllowedOrigin('http://127.0.0.1:4000', '127.0.0.1:4000', [])).toBe(true);
    expect(isAllowedOrigin('https://accord.example', 'accord.example', [])).toBe(true);
    expect(isAllowedOrigin('http://localhost:5173', '127.0.0.1:3000', ['http://localhost:5173'])).toBe(true);
    expect(isAllowedOrigin('https://evil.example', 'accord.example', [])).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:4001', '127.0.0.1:4000', [])).toBe(false);
    expect(isAllowedOrigin('null', 'accord.example', [])).toBe(false);
    expect(isAllowedOrigin('https://accord.example', undefined, [])).toBe(false);
  });

  it('compares the scheme too: with the request scheme, or with the origin listed for the host', () => {
    expect(isAllowedOrigin('http://127.0.0.1:4000', '127.0.0.1:4000', [], 'http')).toBe(true);
    expect(isAllowedOrigin('https://127.0.0.1:4000', '127.0.0.1:4000', [], 'http')).toBe(false);
    expect(isAllowedOrigin('http://accord.example', 'accord.example', [], 'https')).toBe(false);
    // PUBLIC_URL https://accord.example: its plain-http twin is refused even without a scheme
    expect(isAllowedOrigin('https://accord.example', 'accord.example', ['https://accord.example'])).toBe(
      true,
    );
    expect(isAllowedOrigin('http://accord.example', 'accord.example', ['https://accord.example'])).toBe(
      false,
    );
    expect(isAllowedOrigin('ftp://accord.example', 'accord.example', [])).toBe(false);
  });
});
