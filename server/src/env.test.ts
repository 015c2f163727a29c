import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env.js';

const base = { MONGODB_URI: 'mongodb://127.0.0.1:27017/accord', SESSION_SECRET: 'x'.repeat(32) };

describe('loadEnv', () => {
  it('reads TRUST_PROXY as off, or as the proxies to believe', () => {
    expect(loadEnv(base).trustProxy).toBe(false);
    expect(loadEnv({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadEnv({ ...base, TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(loadEnv({ ...base, TRUST_PROXY: ' 10.0.0.5, 172.16.0.0/12 ,::1, fd00::/8' }).trustProxy).toEqual([
      '10.0.0.5',
      '172.16.0.0/12',
      '::1',
      'fd00::/8',
    ]);
  });

  it('refuses TRUST_PROXY=true (any client a proxy) and what Express would not understand', () => {
    for (const value of ['true', '1', 'proxy.example', '10.0.0.0/33', '10.0.0.1/8/1', ',']) {
      expect(() => loadEnv({ ...base, TRUST_PROXY: value }), value).toThrow(EnvError);
    }
  });

  it("always allows PUBLIC_URL's origin, with ALLOWED_ORIGINS or without", () => {
    expect(loadEnv({ ...base, PUBLIC_URL: 'https://accord.example/app' }).allowedOrigins).toEqual([
      'https://accord.example',
    ]);
    expect(
      loadEnv({ ...base, PUBLIC_URL: 'https://accord.example', ALLOWED_ORIGINS: 'http://localhost:5173' })
        .allowedOrigins,
    ).toEqual(['https://accord.example', 'http://localhost:5173']);
  });

  it('reads SMTP_URL (empty or unset: no SMTP) and requires PUBLIC_URL with it in production', () => {
    expect(loadEnv(base).mail.smtpUrl).toBeUndefined();
    expect(loadEnv({ ...base, SMTP_URL: '' }).mail.smtpUrl).toBeUndefined();
    expect(loadEnv({ ...base, SMTP_URL: 'smtps://u:p@mail.example:465' }).mail.smtpUrl).toBe(
      'smtps://u:p@mail.example:465',
    );
    expect(() => loadEnv({ ...base, SMTP_URL: 'http://mail.example' })).toThrow(EnvError);
    expect(() => loadEnv({ ...base, NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example' })).toThrow(
      /PUBLIC_URL/,
    );
    const withUrl = {
      ...base,
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://m.example',
      PUBLIC_URL: 'https://a.example',
    };
    expect(loadEnv(withUrl).mail.smtpUrl).toBe('smtp://m.example');
  });
});
