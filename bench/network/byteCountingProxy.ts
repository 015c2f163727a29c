/**
 * A TCP proxy in front of the server that counts every byte the browser sends and receives —
 * HTTP headers and bodies as they travel (compressed or not), WebSocket frames, and the service
 * worker's own fetches, which the page's DevTools network events do not see.
 */
import net from 'node:net';

export interface ByteCountingProxy {
  url: string;
  /** bytes from the server to the browser, and from the browser to the server, since start */
  readonly down: number;
  readonly up: number;
  /** the time of the last byte in either direction (performance.now()) */
  readonly lastByteAt: number;
  close(): Promise<void>;
}

export async function startByteCountingProxy(target: URL): Promise<ByteCountingProxy> {
  let down = 0;
  let up = 0;
  let lastByteAt = performance.now();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((browser) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(browser).add(upstream);
    browser.on('data', (chunk: Buffer) => {
      up += chunk.length;
      lastByteAt = performance.now();
    });
    upstream.on('data', (chunk: Buffer) => {
      down += chunk.length;
      lastByteAt = performance.now();
    });
    browser.pipe(upstream).pipe(browser);
    const end = () => {
      browser.destroy();
      upstream.destroy();
      sockets.delete(browser);
      sockets.delete(upstream);
    };
    browser.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get down() {
      return down;
    },
    get up() {
      return up;
    },
    get lastByteAt() {
      return lastByteAt;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
