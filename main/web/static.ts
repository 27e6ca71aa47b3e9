/**
 * The renderer's built files. They carry no secret, so they need no token (the page gets its
 * token from the launch URL's fragment); only the caller checks apply. Only plain file names
 * under the renderer folder are served: a segment that is `.`/`..` or hides a separator is not
 * found, whatever the file system would make of it.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { answer, answerText, type AnswerOptions } from './respond';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function plainName(segment: string): boolean {
  return segment !== '.' && segment !== '..' && !/[/\\\0]/.test(segment);
}

/** Answers a GET/HEAD for a file of the renderer: 200 with the file, or 404. */
export async function serveStatic(rendererDir: string, segments: string[], res: ServerResponse, options: AnswerOptions): Promise<void> {
  const rel = segments.length === 0 ? ['index.html'] : segments;
  const root = resolve(rendererDir);
  const file = join(root, ...rel);
  if (!rel.every(plainName) || !file.startsWith(root + sep)) return answerText(res, 404, 'Not found', options);
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return answerText(res, 404, 'Not found', options);
  }
  answer(res, 200, body, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', options);
}
