import { randomBytes, randomUUID } from 'node:crypto';

/** A request_id / biz_id of the documented shape "<unix seconds>,<uuid4>". */
export function serialId(nowMs: number): string {
  return `${Math.floor(nowMs / 1000)},${randomUUID()}`;
}

/** A one-time token of the observed shape: 32 lowercase hex characters. */
export function newToken(): string {
  return randomBytes(16).toString('hex');
}
