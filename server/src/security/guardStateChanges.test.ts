import { describe, expect, it } from 'vitest';
import type { Request, Response } from 'express';
import { guardStateChanges } from './guardStateChanges.js';
import { OriginNotAllowed, UnsupportedMediaType } from '../errors/ApiError.js';

const guard = guardStateChanges(['https://accord.example']);

function check(method: string, headers: Record<string, string>): unknown {
  let passed = false;
  try {
    guard({ method, headers } as unknown as Request, {} as Response, () => {
      passed = true;
    });
  } catch (error) {
    return error;
  }
  return passed ? 'passed' : 'stopped';
}

describe('guardStateChanges', () => {
  it('lets reads through whatever their origin', () => {
    expect(check('GET', { origin: 'https://evil.example' })).toBe('passed');
  });

  it('lets state changes through from an allowed origin or without Origin (non-browser clients)', () => {
    const json = { 'content-type': 'application/json', 'content-length': '2' };
    expect(check('POST', { ...json, origin: 'https://accord.example' })).toBe('passed');
    expect(check('PATCH', json)).toBe('passed');
    expect(check('DELETE', {})).toBe('passed');
    expect(check('POST', { 'content-type': 'application/json; charset=utf-8', 'content-length': '2' })).toBe(
      'passed',
    );
  });

  it('refuses state changes from another origin', () => {
    expect(check('POST', { origin: 'https://evil.example' })).toBeInstanceOf(OriginNotAllowed);
    expect(check('DELETE', { origin: 'null' })).toBeInstanceOf(OriginNotAllowed);
    expect(check('POST', { origin: 'https://evil.example', host: 'accord.example' })).toBeInstanceOf(
      OriginNotAllowed,
    );
  });

  it('lets same-origin state changes through (Origin host = Host)', () => {
    expect(check('POST', { origin: 'http://127.0.0.1:4000', host: '127.0.0.1:4000' })).toBe('passed');
  });

  it('refuses bodies that are not JSON, including bodies without a type', () => {
    expect(
      check('POST', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '3' }),
    ).toBeInstanceOf(UnsupportedMediaType);
    expect(check('POST', { 'content-type': 'text/plain', 'content-length': '3' })).toBeInstanceOf(
      UnsupportedMediaType,
    );
    expect(check('PATCH', { 'content-length': '3' })).toBeInstanceOf(UnsupportedMediaType);
    expect(check('POST', { 'transfer-encoding': 'chunked' })).toBeInstanceOf(UnsupportedMediaType);
  });

  it('lets the named file-upload paths take their content types, and only those', () => {
    const upload = guardStateChanges([], { '/imports/preview': ['text/markdown'] });
    const run = (path: string, type: string) => {
      try {
        let passed = false;
        upload(
          {
            method: 'POST',
            path,
            headers: { 'content-type': type, 'content-length': '3' },
          } as unknown as Request,
          {} as Response,
          () => {
            passed = true;
          },
        );
        return passed ? 'passed' : 'stopped';
      } catch (error) {
        return error;
      }
    };
    expect(run('/imports/preview', 'text/markdown; charset=utf-8')).toBe('passed');
    expect(run('/imports/preview', 'text/html')).toBeInstanceOf(UnsupportedMediaType);
    expect(run('/documents', 'text/markdown')).toBeInstanceOf(UnsupportedMediaType);
  });

  it('matches `:name` segments of upload paths against exactly one path segment', () => {
    const upload = guardStateChanges([], { '/publications/:id/verify': ['multipart/form-data'] });
    const run = (path: string) => {
      try {
        let passed = false;
        upload(
          {
            method: 'POST',
            path,
            headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '3' },
          } as unknown as Request,
          {} as Response,
          () => {
            passed = true;
          },
        );
        return passed ? 'passed' : 'stopped';
      } catch (error) {
        return error;
      }
    };
    expect(run('/publications/0123456789abcdef01234567/verify')).toBe('passed');
    expect(run('/publications//verify')).toBeInstanceOf(UnsupportedMediaType);
    expect(run('/publications/a/b/verify')).toBeInstanceOf(UnsupportedMediaType);
    expect(run('/documents/x/verify')).toBeInstanceOf(UnsupportedMediaType);
  });
});
