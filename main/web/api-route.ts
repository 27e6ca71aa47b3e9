/**
 * `POST /api/<operation>`: the handler table over HTTP. The caller and the token are checked
 * before this runs; here the operation, method, content type and body are, in that order, each
 * refusal with its own status and a Result-shaped JSON body. The body is bounded while it is
 * read, not after.
 *
 * Every operation takes JSON but `stagePhoto`, which takes the photo's bytes as they are
 * (`application/octet-stream`, at most MAX_PHOTO_BYTES) with its display name percent-encoded in
 * `X-FaceID-Photo-Name`: no base64 (+33 %), no JSON parse of megabytes, one copy.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OP_NAMES, type OpName } from '../../core/api';
import { MAX_PHOTO_BYTES, MAX_REQUEST_BYTES } from '../../core/limits';
import { vouchDigest } from '../photos/stage';
import type { HandlerTable } from '../services/handlers';
import { answerApiError, answerJson, type AnswerOptions } from './respond';
import { msg } from '../../core/i18n/render';

type Body = { kind: 'ok'; bytes: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };
type PhotoBody = { kind: 'ok'; bytes: Buffer; sha256: string } | { kind: 'too-large' } | { kind: 'aborted' };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (body: Body) => {
      if (done) return;
      done = true;
      req.removeListener('data', onData);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish({ kind: 'too-large' });
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => finish({ kind: 'ok', bytes: chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size) }));
    // A client that hangs up mid-body: nothing to answer, but the stream's error must be heard.
    req.on('error', () => finish({ kind: 'aborted' }));
    req.on('close', () => finish({ kind: 'aborted' }));
  });
}

/**
 * A photo upload, read in one pass: each chunk is copied once, into a buffer of the declared
 * length, and hashed as it arrives, so the SHA-256 is ready when the last chunk is (the staging
 * area then does not read the bytes again: vouchDigest). Without a Content-Length (chunked) the
 * chunks are joined at the end, as readBody does.
 */
function readPhotoBody(req: IncomingMessage, limit: number, declared: number): Promise<PhotoBody> {
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    const into = declared > 0 ? Buffer.allocUnsafe(declared) : null;
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (body: PhotoBody) => {
      if (done) return;
      done = true;
      req.removeListener('data', onData);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > (into ? into.length : limit)) return finish({ kind: 'too-large' });
      if (into) chunk.copy(into, size);
      else chunks.push(chunk);
      size += chunk.length;
      hash.update(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      const bytes = into ? into.subarray(0, size) : Buffer.concat(chunks, size);
      finish({ kind: 'ok', bytes, sha256: hash.digest('hex') });
    });
    req.on('error', () => finish({ kind: 'aborted' }));
    req.on('close', () => finish({ kind: 'aborted' }));
  });
}

function isOp(name: string): name is OpName {
  return (OP_NAMES as readonly string[]).includes(name);
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Serves one API call whose caller and token have been checked. */
export async function serveApi(
  handlers: HandlerTable,
  segments: string[],
  req: IncomingMessage,
  res: ServerResponse,
  options: AnswerOptions,
): Promise<void> {
  const op = segments.length === 2 ? (segments[1] ?? '') : '';
  if (!isOp(op))
    return answerApiError(
      res,
      404,
      'UNKNOWN_OPERATION',
      msg('console', 'web.unknownOperation', { path: `/${segments.join('/').slice(0, 100)}` }),
      options,
    );
  if (req.method !== 'POST') {
    return answerApiError(res, 405, 'METHOD_NOT_ALLOWED', msg('console', 'web.methodNotAllowed', { op, method: req.method ?? '?' }), {
      ...options,
      headers: { Allow: 'POST' },
    });
  }
  const binary = op === 'stagePhoto';
  const expected = binary ? 'application/octet-stream' : 'application/json';
  if (mediaType(req.headers['content-type']) !== expected) {
    const what = msg('console', binary ? 'web.photoMediaType' : 'web.jsonMediaType');
    return answerApiError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', what, { ...options, close: true });
  }
  const limit = binary ? MAX_PHOTO_BYTES : MAX_REQUEST_BYTES;
  const tooLarge = binary
    ? msg('console', 'web.photoTooLarge', { bytes: MAX_PHOTO_BYTES, mb: MAX_PHOTO_BYTES / 1024 / 1024 })
    : msg('console', 'web.requestTooLarge', { bytes: MAX_REQUEST_BYTES });
  let name = '';
  if (binary) {
    const decoded = photoName(req.headers[PHOTO_NAME_HEADER]);
    if (decoded === undefined) return answerApiError(res, 400, 'BAD_REQUEST', msg('console', 'web.photoName'), { ...options, close: true });
    name = decoded;
  }
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) return answerApiError(res, 413, 'REQUEST_TOO_LARGE', tooLarge, { ...options, close: true });
  if (/100-continue/i.test(req.headers.expect ?? '')) res.writeContinue();
  if (binary) {
    const photo = await readPhotoBody(req, limit, declared);
    if (photo.kind === 'aborted') return void res.destroy();
    if (photo.kind === 'too-large') return answerApiError(res, 413, 'REQUEST_TOO_LARGE', tooLarge, { ...options, close: true });
    // The buffer goes to the stage as it is (a Buffer is a Uint8Array), with the digest taken while it arrived.
    return answerJson(res, 200, await handlers.stagePhoto({ name, bytes: vouchDigest(photo.bytes, photo.sha256) }), options);
  }
  const body = await readBody(req, limit);
  if (body.kind === 'aborted') return void res.destroy();
  if (body.kind === 'too-large') return answerApiError(res, 413, 'REQUEST_TOO_LARGE', tooLarge, { ...options, close: true });
  let text: string;
  try {
    text = utf8.decode(body.bytes);
  } catch {
    return answerApiError(res, 400, 'BAD_REQUEST', msg('console', 'web.notUtf8'), options);
  }
  let payload: unknown;
  try {
    payload = text === '' ? {} : JSON.parse(text);
  } catch {
    // Not the parser's message: it quotes the body, which may hold a secret being typed in.
    return answerApiError(res, 400, 'BAD_REQUEST', msg('console', 'web.notJson'), options);
  }
  answerJson(res, 200, await handlers[op](payload), options);
}

/** The request header naming a staged photo (percent-encoded UTF-8; may be absent or empty). */
export const PHOTO_NAME_HEADER = 'x-faceid-photo-name';

function photoName(header: string | string[] | undefined): string | undefined {
  if (Array.isArray(header)) return undefined;
  try {
    const name = decodeURIComponent(header ?? '');
    return name.length <= 255 ? name : undefined;
  } catch {
    return undefined;
  }
}
