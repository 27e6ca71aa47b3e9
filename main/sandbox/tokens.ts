import { createHash } from 'node:crypto';
import type { ReceivedForm } from './multipart';
import { newToken, serialId } from './ids';
import type { TrustedValue } from './trust-log';

/**
 * A token the sandbox issued, kept in memory for the liveness page (`do`), the callbacks and
 * get_result. Reference photos are kept as hashes only: they are biometric data.
 */
export interface IssuedToken {
  token: string;
  biz_id: string;
  biz_no: string;
  /** Unix seconds. */
  expired_time: number;
  /** Sandbox clock (ms) at issue. */
  issuedAtMs: number;
  /**
   * Every field received except api_secret, unknown names included; a value accepted on trust
   * (lenient mode) is replaced by the documented value the sandbox answers as.
   */
  params: Record<string, string>;
  /** What was accepted on trust for this token (shown on its liveness page). */
  trusted: TrustedValue[];
  photos: Partial<Record<'image_ref1' | 'image_ref2', { sha256: string; bytes: number; filename: string }>>;
  /** Set once the flow's outcome was submitted on the liveness page: the token is single-use. */
  used: boolean;
}

/** Builds the record of a newly issued token from a request that passed every check. */
export function issueToken(form: ReceivedForm, nowMs: number, timeoutS: number, trusted: TrustedValue[] = []): IssuedToken {
  const params = Object.fromEntries([...form.fields].filter(([name]) => name !== 'api_secret'));
  const photos: IssuedToken['photos'] = {};
  for (const name of ['image_ref1', 'image_ref2'] as const) {
    const file = form.files.get(name);
    if (file && file.bytes.length > 0) {
      photos[name] = { sha256: createHash('sha256').update(file.bytes).digest('hex'), bytes: file.bytes.length, filename: file.filename };
    }
  }
  return {
    token: newToken(),
    biz_id: serialId(nowMs),
    biz_no: form.fields.get('biz_no') ?? '',
    expired_time: Math.floor(nowMs / 1000) + timeoutS,
    issuedAtMs: nowMs,
    params,
    trusted: trusted.filter((t) => !/secret/i.test(t.param)),
    photos,
    used: false,
  };
}
