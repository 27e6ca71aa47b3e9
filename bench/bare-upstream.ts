/**
 * A bare get_token upstream on loopback: drains the body and answers a fixed token, so a
 * measurement sees only what the client (console or curl) spends.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const ANSWER = JSON.stringify({
  request_id: '1700000000,00000000-0000-4000-8000-000000000000',
  time_used: 1,
  token: '0123456789abcdef0123456789abcdef',
  biz_id: '1700000000,11111111-1111-4111-8111-111111111111',
  expired_time: 4102444800,
});

export interface BareUpstream {
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts the bare upstream on 127.0.0.1 and a free port. */
export async function startBareUpstream(): Promise<BareUpstream> {
  const server: Server = createServer((req, res) => {
    req.on('data', () => {});
    req.on('error', () => {});
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(ANSWER) });
      res.end(ANSWER);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
