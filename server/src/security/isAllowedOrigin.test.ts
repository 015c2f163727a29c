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
});
