import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Request, Response } from 'express';
import { createErrorHandler } from './createErrorHandler.js';
import { LastCoordinator, NotFound, RateLimited } from './ApiError.js';
import type { Logger } from '../logger.js';

function run(error: unknown, options: { headersSent?: boolean } = {}) {
  const logger = { error: vi.fn(), warn: vi.fn() } as unknown as Logger & { error: ReturnType<typeof vi.fn> };
  const answer: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const res = {
    headersSent: options.headersSent ?? false,
    status(code: number) {
      answer.status = code;
      return this;
    },
    set(headers: Record<string, string>) {
      Object.assign(answer.headers, headers);
      return this;
    },
    json(body: unknown) {
      answer.body = body;
      return this;
    },
  } as unknown as Response;
  const next = vi.fn();
  createErrorHandler(logger)(error, { method: 'POST', originalUrl: '/api/x' } as Request, res, next);
  return { answer, logger, next };
}

describe('the error handler', () => {
  it('answers named errors with their status, stable code and message', () => {
    expect(run(new NotFound('No such document.')).answer).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', message: 'No such document.' } },
    });
    expect(run(new LastCoordinator()).answer).toMatchObject({
      status: 409,
      body: { error: { code: 'last_coordinator' } },
    });
  });

  it('adds the headers a named error carries (Retry-After)', () => {
    const { answer } = run(new RateLimited(12.2));
    expect(answer.status).toBe(429);
    expect(answer.headers['Retry-After']).toBe('13');
  });

  it('maps body-parser errors: malformed JSON → 400, too large → 413, bad charset → 415', () => {
    const parse = Object.assign(new SyntaxError('Unexpected token'), {
      type: 'entity.parse.failed',
      status: 400,
    });
    expect(run(parse).answer).toMatchObject({ status: 400, body: { error: { code: 'malformed_json' } } });
    const large = Object.assign(new Error('request entity too large'), {
      type: 'entity.too.large',
      status: 413,
    });
    expect(run(large).answer).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
    const charset = Object.assign(new Error('unsupported charset'), {
      type: 'charset.unsupported',
      status: 415,
    });
    expect(run(charset).answer).toMatchObject({
      status: 415,
      body: { error: { code: 'unsupported_media_type' } },
    });
  });

  it('maps zod failures to 400 validation_failed with the failing fields', () => {
    const result = z
      .strictObject({ email: z.string(), age: z.number() })
      .safeParse({ email: 1, extra: true });
    const { answer } = run(result.error);
    expect(answer.status).toBe(400);
    const body = answer.body as { error: { code: string; details: { issues: Array<{ path: string }> } } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['email', 'age', '']),
    );
  });

  it('maps an unreachable database to 503 database_unavailable', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), {
      name: 'MongoServerSelectionError',
    });
    expect(run(error).answer).toMatchObject({
      status: 503,
      body: { error: { code: 'database_unavailable' } },
    });
    const buffering = new Error('Operation `users.findOne()` buffering timed out after 10000ms');
    expect(run(buffering).answer.status).toBe(503);
  });

  it('answers unknown errors with 500 internal_error, logs them, and leaks nothing', () => {
    const error = new TypeError(
      "Cannot read properties of undefined (reading 'passwordHash') at /srv/app.js:12",
    );
    const { answer, logger } = run(error);
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on our side.' },
    });
    expect(JSON.stringify(answer.body)).not.toMatch(/passwordHash|srv|TypeError/);
    expect(logger.error).toHaveBeenCalledOnce();
  });

  it('handles thrown non-errors', () => {
    expect(run('a string').answer.status).toBe(500);
    expect(run(null).answer.status).toBe(500);
  });

  it('leaves a response whose headers are already sent to express', () => {
    const error = new Error('late');
    const { answer, next } = run(error, { headersSent: true });
    expect(answer.status).toBeUndefined();
    expect(next).toHaveBeenCalledWith(error);
  });
});
