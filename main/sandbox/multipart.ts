import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { MAX_BODY_BYTES, MAX_FILE_BYTES } from './defaults';

export interface UploadedFile {
  bytes: Buffer;
  filename: string;
  mimeType: string;
}

export interface ReceivedForm {
  fields: Map<string, string>;
  files: Map<string, UploadedFile>;
}

export type ParsedForm =
  | ({ kind: 'ok' } & ReceivedForm)
  /**
   * A file part or the whole body crossed the upload limits. `drained`: the rest of the body was
   * already read and discarded; otherwise the caller answers at once and then discards the rest
   * (see `discardRest`), as nginx does for an oversized Content-Length.
   */
  | { kind: 'too-large'; drained: boolean }
  /**
   * Not a form we can read (wrong content type, broken or truncated multipart, the client went
   * away). Parsing stops at the first fault; the caller answers and discards the rest.
   */
  | { kind: 'malformed'; reason: string };

const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Reads and discards what the client still sends after an early answer, up to `capBytes`, then
 * drops the connection. Closing at once would make the kernel reset the connection while the
 * client is still uploading, and the client could lose the answer (nginx's "lingering close").
 */
export function discardRest(req: IncomingMessage, capBytes: number): void {
  let discarded = 0;
  req.on('data', (c: Buffer) => {
    discarded += c.length;
    if (discarded > capBytes) req.socket.destroy();
  });
  req.resume();
}

/**
 * Parses a multipart/form-data (or urlencoded) body with busboy. The first value of a repeated
 * field wins, as most form parsers do. A file over MAX_FILE_BYTES is cut off by busboy and the
 * rest of the body drained, so the 413 reaches the client instead of a reset mid-upload.
 * Resolves, never rejects, whatever the client sends or does.
 */
export function parseForm(req: IncomingMessage): Promise<ParsedForm> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) return Promise.resolve({ kind: 'too-large', drained: false });
  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: req.headers,
      defCharset: 'utf8',
      limits: { fileSize: MAX_FILE_BYTES, fieldSize: 1024 * 1024, fields: 200, files: 10, parts: 220 },
    });
  } catch (e) {
    // No multipart or urlencoded content type, or no boundary.
    return Promise.resolve({ kind: 'malformed', reason: reasonOf(e) });
  }
  return new Promise((resolve) => {
    const fields = new Map<string, string>();
    const files = new Map<string, UploadedFile>();
    let settled = false;
    let fileTooLarge = false;
    let received = 0;
    const settle = (r: ParsedForm) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    req.on('data', (c: Buffer) => {
      received += c.length;
      if (received > MAX_BODY_BYTES && !settled) {
        // A body without a (truthful) Content-Length that keeps growing: stop parsing; the caller
        // answers at once and discards the rest.
        req.unpipe(bb);
        settle({ kind: 'too-large', drained: false });
      }
    });
    // A hostile client can make any of these streams fail; every one gets an error listener,
    // because an unheard 'error' event ends the process — and, embedded, the whole console.
    req.on('error', (e) => settle({ kind: 'malformed', reason: reasonOf(e) }));
    req.on('close', () => {
      // 'close' also follows a complete body; only an incomplete one means the client went away.
      if (!req.complete) settle({ kind: 'malformed', reason: 'the client closed the connection mid-request' });
    });
    // busboy hands a part without a name as `undefined` although its types say string: such a
    // part names no parameter, so it is read as the empty name (ignored like any unknown one).
    bb.on('field', (name: string | undefined, value) => {
      const key = name ?? '';
      if (!fields.has(key)) fields.set(key, value);
    });
    bb.on('file', (rawName: string | undefined, stream, info) => {
      const name = rawName ?? '';
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        if (!fileTooLarge) chunks.push(c);
      });
      // The form's error also reaches bb's listener below; this one only keeps the process up.
      stream.on('error', () => {});
      stream.on('limit', () => {
        fileTooLarge = true;
        chunks.length = 0;
      });
      stream.on('close', () => {
        if (!fileTooLarge && !files.has(name))
          files.set(name, { bytes: Buffer.concat(chunks), filename: info.filename ?? '', mimeType: info.mimeType });
      });
    });
    let broken = false;
    bb.on('error', (e) => {
      // busboy also emits 'close' after an error; the form must not then pass as complete.
      broken = true;
      req.unpipe(bb);
      settle({ kind: 'malformed', reason: reasonOf(e) });
    });
    bb.on('close', () => {
      if (!broken) settle(fileTooLarge ? { kind: 'too-large', drained: true } : { kind: 'ok', fields, files });
    });
    req.pipe(bb);
  });
}
