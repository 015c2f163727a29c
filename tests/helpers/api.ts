import { randomBytes } from 'node:crypto';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  organisation?: { name: string; kind: string; country: string };
  locale?: string;
}

const SESSION_COOKIE = 'accord.sid';

/**
 * A tiny REST client on global fetch that keeps the session cookie like a browser would (without
 * sending an Origin header, like a non-browser client).
 */
export class ApiClient {
  /** `accord.sid=…`, or '' when signed out; send it in WebSocket upgrade headers */
  cookie = '';

  /** writable: after a server restart on another port, the same client (and session) carries on */
  constructor(public baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const sent: Record<string, string> = { ...headers };
    if (this.cookie) sent.cookie = this.cookie;
    const init: RequestInit = { method, headers: sent, redirect: 'manual' };
    if (body !== undefined) {
      // a string is sent as is (malformed JSON tests); anything else as JSON
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      const hasType = Object.keys(sent).some((name) => name.toLowerCase() === 'content-type');
      if (!hasType) sent['content-type'] = 'application/json';
    }
    const response = await fetch(this.baseUrl + path, init);
    this.keepCookie(response.headers);
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('application/json') && text) {
      parsed = JSON.parse(text);
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  register(input: RegisterInput): Promise<ApiResponse> {
    return this.request('POST', '/api/auth/register', input);
  }

  login(email: string, password: string): Promise<ApiResponse> {
    return this.request('POST', '/api/auth/login', { email, password });
  }

  private keepCookie(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (pair.slice(0, eq).trim() !== SESSION_COOKIE) continue;
      const expires = attributes.find((a) => a.trim().toLowerCase().startsWith('expires='));
      const cleared = expires !== undefined && new Date(expires.split('=')[1]!).getTime() <= Date.now();
      this.cookie = cleared || pair.slice(eq + 1) === '' ? '' : pair.trim();
    }
  }
}

export interface NewUser {
  email: string;
  password: string;
  name: string;
  id: string;
  api: ApiClient;
}

/** A unique email for one test. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}@example.org`;
}

/** Registers a new account on `api` (which ends up signed in as it); throws unless 201. */
export async function newUser(api: ApiClient, overrides: Partial<RegisterInput> = {}): Promise<NewUser> {
  const input: RegisterInput = {
    email: uniqueEmail(),
    password: 'correct horse battery',
    name: 'Test User',
    ...overrides,
  };
  const response = await api.register(input);
  if (response.status !== 201) {
    throw new Error(`registration failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return {
    email: input.email.toLowerCase(),
    password: input.password,
    name: input.name,
    id: response.body.user.id,
    api,
  };
}
