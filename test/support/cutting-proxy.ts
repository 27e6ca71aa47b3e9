/**
 * A loopback TCP proxy that can cut every connection through it (and refuse new ones), to prove
 * the publisher survives a connection that drops mid-batch.
 */
import { createServer, connect, type Socket } from 'node:net';

export interface CuttingProxy {
  port: number;
  /** Bytes sent to the server so far. */
  bytesUp(): number;
  /** Destroys every open connection; with `refuse`, new ones are dropped at once too. */
  cut(refuse?: boolean): void;
  /** Accepts connections again. */
  heal(): void;
  /** Cuts all connections once `n` more bytes have gone upstream. */
  cutAfter(n: number): void;
  close(): Promise<void>;
}

export async function startCuttingProxy(targetPort: number): Promise<CuttingProxy> {
  const sockets = new Set<Socket>();
  let refusing = false;
  let up = 0;
  let cutAt = Infinity;
  const cutAll = () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  const server = createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    client.on('data', (d: Buffer) => {
      up += d.length;
      if (up >= cutAt) {
        cutAt = Infinity;
        cutAll();
        return;
      }
      upstream.write(d);
    });
    upstream.on('data', (d: Buffer) => client.write(d));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  if (!addr || typeof addr !== 'object') throw new Error('proxy has no port');
  return {
    port: addr.port,
    bytesUp: () => up,
    cut(refuse = false) {
      refusing = refuse;
      cutAll();
    },
    heal() {
      refusing = false;
    },
    cutAfter(n) {
      cutAt = up + n;
    },
    close: () =>
      new Promise<void>((r) => {
        cutAll();
        server.close(() => r());
      }),
  };
}
