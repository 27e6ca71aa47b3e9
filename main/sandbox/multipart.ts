import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { MAX_BODY_BYTES, MAX_FILE_BYTES } from './defaults';

export interface UploadedFile {
  bytes: Buffer;
  filename: string;
  mimeType: string;
}

export type ParsedForm =
  | { kind: 'ok'; fields: Map<string, string>; files: Map<string, UploadedFile> }
  /** A file or the whole body exceeded the (inferred) upload limits. */
  | { kind: 'too-large' }
  | { kind: 'malformed'; reason: string };

/**
 * Parses a multipart/form-data (or urlencoded) body with busboy. The first value of a repeated
 * field wins, as most form parsers do. Stops reading as soon as a limit is crossed.
 */
export function parseForm(req: IncomingMessage): Promise<ParsedForm> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      return resolve({ kind: 'too-large' });
    }
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { fileSize: MAX_FILE_BYTES, fieldSize: 1024 * 1024, fields: 200, files: 10 } });
    } catch (e) {
      req.resume();
      return resolve({ kind: 'malformed', reason: e instanceof Error ? e.message : String(e) });
    }
    const fields = new Map<string, string>();
    const files = new Map<string, UploadedFile>();
    let done = false;
    let received = 0;
    const finish = (r: ParsedForm) => {
      if (done) return;
      done = true;
      if (r.kind !== 'ok') {
        req.unpipe(bb);
        req.resume();
      }
      resolve(r);
    };
    req.on('data', (c: Buffer) => {
      received += c.length;
      if (received > MAX_BODY_BYTES) finish({ kind: 'too-large' });
    });
    bb.on('field', (name, value) => {
      if (!fields.has(name)) fields.set(name, value);
    });
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => finish({ kind: 'too-large' }));
      stream.on('close', () => {
        if (!files.has(name)) files.set(name, { bytes: Buffer.concat(chunks), filename: info.filename ?? '', mimeType: info.mimeType });
      });
    });
    bb.on('error', (e) => finish({ kind: 'malformed', reason: e instanceof Error ? e.message : String(e) }));
    bb.on('close', () => finish({ kind: 'ok', fields, files }));
    req.pipe(bb);
  });
}
