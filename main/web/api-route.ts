/**
 * `POST /api/<operation>`: the handler table over HTTP. The caller and the token are checked
 * before this runs; here the operation, method, content type and body are, in that order, each
 * refusal with its own status and a Result-shaped JSON body. The body is bounded while it is
 * read (MAX_REQUEST_BYTES: two photos and the form), not after.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OP_NAMES, type OpName } from '../../core/api';
import { MAX_PHOTO_BYTES, MAX_REQUEST_BYTES } from '../../core/limits';
import type { HandlerTable } from '../services/handlers';
import { answerApiError, answerJson, type AnswerOptions } from './respond';

type Body = { kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'not-utf8' } | { kind: 'aborted' };

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
    req.on('end', () => {
      try {
        finish({ kind: 'ok', text: utf8.decode(Buffer.concat(chunks)) });
      } catch {
        finish({ kind: 'not-utf8' });
      }
    });
    // A client that hangs up mid-body: nothing to answer, but the stream's error must be heard.
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
export async function serveApi(handlers: HandlerTable, segments: string[], req: IncomingMessage, res: ServerResponse, options: AnswerOptions): Promise<void> {
  const op = segments.length === 2 ? (segments[1] ?? '') : '';
  if (!isOp(op)) return answerApiError(res, 404, 'UNKNOWN_OPERATION', `There is no operation /${segments.join('/').slice(0, 100)}; see core/ops.ts.`, options);
  if (req.method !== 'POST') {
    return answerApiError(res, 405, 'METHOD_NOT_ALLOWED', `${op} takes POST, not ${req.method ?? '?'}.`, { ...options, headers: { Allow: 'POST' } });
  }
  if (mediaType(req.headers['content-type']) !== 'application/json') {
    return answerApiError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request as Content-Type: application/json.', { ...options, close: true });
  }
  const tooLarge = `The request is larger than ${MAX_REQUEST_BYTES} bytes (two ${MAX_PHOTO_BYTES / 1024 / 1024} MB photos and the form).`;
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > MAX_REQUEST_BYTES) return answerApiError(res, 413, 'REQUEST_TOO_LARGE', tooLarge, { ...options, close: true });
  if (/100-continue/i.test(req.headers.expect ?? '')) res.writeContinue();
  const body = await readBody(req, MAX_REQUEST_BYTES);
  if (body.kind === 'aborted') return void res.destroy();
  if (body.kind === 'too-large') return answerApiError(res, 413, 'REQUEST_TOO_LARGE', tooLarge, { ...options, close: true });
  if (body.kind === 'not-utf8') return answerApiError(res, 400, 'BAD_REQUEST', 'The request body is not UTF-8.', options);
  let payload: unknown;
  try {
    payload = body.text === '' ? {} : JSON.parse(body.text);
  } catch {
    // Not the parser's message: it quotes the body, which may hold a secret being typed in.
    return answerApiError(res, 400, 'BAD_REQUEST', 'The request body is not JSON.', options);
  }
  answerJson(res, 200, await handlers[op](payload), options);
}
