/**
 * The sandbox's HTTP-level defences against slow or hostile clients: time limits, the answer to
 * a request Node's parser refuses, and reading a request target without throwing.
 */

/**
 * Time limits, so a slow or silent client cannot hold a connection (and its memory) for Node's
 * defaults of 60 s of headers and 300 s of body:
 * - headers: 15 s from the connection's first byte to the end of the request headers;
 * - request: 180 s for the whole request, which still carries 2 × 2 MB photos at ~190 kbit/s;
 * - idle: 60 s without a byte either way ends a connection while the client is sending or between
 *   requests — above the 30 s latency fault on get_result; once a get_token form is fully read,
 *   the wait for its answer (decode queue, latency fault) is the sandbox's and is not timed;
 * - keep-alive: 5 s between requests on one connection.
 * Expiry is checked every second (Node checks every 30 s by default).
 */
export const SERVER_TIMEOUTS = { headersMs: 15_000, requestMs: 180_000, idleMs: 60_000, keepAliveMs: 5_000, checkEveryMs: 1_000 } as const;
export type ServerTimeouts = { -readonly [K in keyof typeof SERVER_TIMEOUTS]: number };

/** A gateway-style HTML page for a request the HTTP layer itself refuses. */
const gatewayPage = (status: number, title: string) =>
  `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

/** The raw answer to a request Node's parser refused (bad syntax, huge headers, too slow). */
export function clientErrorAnswer(code: string | undefined): string {
  const [status, title] =
    code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large']
      : code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout']
        : [400, 'Bad Request'];
  const body = gatewayPage(status, title);
  return `HTTP/1.1 ${status} ${title}\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

/** The path of a request target; undefined when it is no origin-form path (e.g. `//`, `*`, `http://…`). */
export function pathOf(target: string | undefined): URL | undefined {
  if (!target?.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    return new URL(target, 'http://sandbox.invalid');
  } catch {
    return undefined;
  }
}
