export type ContentEncoding = 'br' | 'gzip';

/**
 * The encoding to send, from `offered` (in the server's order of preference, e.g. brotli before
 * gzip) and the request's Accept-Encoding: the offered encoding with the highest q, ties going to
 * the server's preference (browsers list gzip before br at equal weight; brotli is smaller).
 * `undefined`: send the bytes as they are.
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  offered: readonly ContentEncoding[],
): ContentEncoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const star = weights.get('*');
  let best: ContentEncoding | undefined;
  let bestWeight = 0;
  for (const encoding of offered) {
    const weight = weights.get(encoding) ?? star ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  // identity wins a tie: the client prefers it at least as much
  const identity = weights.get('identity') ?? (star !== undefined && star < 1 ? star : 1);
  return best && bestWeight > 0 && !(identity > bestWeight) ? best : undefined;
}
