/**
 * Whether parsed JSON nests objects and arrays deeper than `max`, found without recursion: the
 * walkers after it (schema checks, clause-id repair, renderers) recurse, and a body nested
 * thousands deep would overflow their stack (a 500 for the sender, and for everyone who then
 * reads the document).
 */
export function exceedsJsonDepth(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
