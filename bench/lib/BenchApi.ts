/**
 * The feature benchmarks' REST client: global fetch, keeping the session cookie (`accord.sid`)
 * like a browser would. Any answer of 300 or more throws, with the method, path and status.
 */
export class BenchApi {
  /** `accord.sid=…` once signed in (or set from startAccordForBench's `cookie`) */
  cookie = '';

  constructor(readonly baseUrl: string) {}

  /** The parsed JSON answer and its size; a string body is sent as is, with `type`. */
  async request(
    method: string,
    url: string,
    body?: unknown,
    type = 'application/json',
  ): Promise<{ body: any; bytes: number }> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = type;
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(this.baseUrl + url, { method, headers, body: payload });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      if (pair.startsWith('accord.sid=')) this.cookie = pair;
    }
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
    return { body: text ? JSON.parse(text) : null, bytes: text.length };
  }

  /** The parsed JSON answer alone. */
  async ok(method: string, url: string, body?: unknown): Promise<any> {
    return (await this.request(method, url, body)).body;
  }
}
