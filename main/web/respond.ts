/**
 * How the browser shell answers: one set of security headers on every response; plain text for
 * the page and its files, the console's Result shape (`{ ok: false, error: { code, message } }`)
 * for every /api/* answer, refusals included, so the renderer can always show why.
 */
import type { ServerResponse } from 'node:http';
import { LEGACY_TOKEN_COOKIE } from './guard';
import { worded } from '../../core/result';
import type { MessageRef } from '../../core/i18n/render';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface AnswerOptions {
  headers?: Record<string, string>;
  /** Close the connection after this answer (a body left unread must not be parsed as a next request). */
  close?: boolean;
  /** Expire the cookie earlier versions set, so it stops travelling to every loopback port. */
  clearLegacyCookie?: boolean;
}

export function headersFor(type: string, options: AnswerOptions): Record<string, string> {
  return {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
    'Content-Type': type,
    ...(options.close ? { Connection: 'close' } : {}),
    ...(options.clearLegacyCookie ? { 'Set-Cookie': `${LEGACY_TOKEN_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict` } : {}),
    ...options.headers,
  };
}

/** Sends a complete answer once; a second attempt (or one on a dead socket) is dropped. */
export function answer(res: ServerResponse, status: number, body: string | Buffer, type: string, options: AnswerOptions = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...headersFor(type, options), 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

/** A plain-text refusal. */
export function answerText(res: ServerResponse, status: number, message: string, options: AnswerOptions = {}): void {
  answer(res, status, `${message}\n`, 'text/plain; charset=utf-8', options);
}

/** A JSON body (a Result, or a refusal in the Result's failure shape). */
export function answerJson(res: ServerResponse, status: number, body: unknown, options: AnswerOptions = {}): void {
  answer(res, status, JSON.stringify(body), 'application/json; charset=utf-8', options);
}

/** An /api/* refusal, in the Result's failure shape: the code, and its words by reference (the renderer words them). */
export function answerApiError(res: ServerResponse, status: number, code: string, words: MessageRef, options: AnswerOptions = {}): void {
  answerJson(res, status, { ok: false, error: worded(code, words) }, options);
}
