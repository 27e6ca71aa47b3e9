/**
 * The sandbox's get_result, `GET /faceid/lite/get_result` (faceid-api.md §5). Order of checks:
 *   1. api_key, then api_secret, absent or empty → 400 MISSING_ARGUMENTS: <key>
 *   2. key/secret mismatch → 403 AUTHENTICATION_ERROR
 *   3. biz_id absent or empty → 400 MISSING_ARGUMENTS: biz_id
 *   4. return_verify_time / return_image other than "0"/"1" → 400 BAD_ARGUMENTS: <key>
 *   5. unknown biz_id → 400 RESULT_NOT_FOUND
 *   6. flow not ended → 200 { status: NOT_STARTED | PROCESSING, biz_info } (no results yet)
 *   7. result fetched three times already, or older than a day → 403 DATA_DESTROYED
 *   8. 200 with the very `data` the callbacks carried, plus `images` / `verify_time` when asked.
 *
 * Choices where the docs are open (§5.1, §5.2, §5.5, §9):
 * - Only `biz_id` is read. The English page's table says `biz_no`, but its own text, the Chinese
 *   page and every client use biz_id; accepting biz_no would teach client code a key the service
 *   may refuse. A request with only biz_no is MISSING_ARGUMENTS: biz_id.
 * - A fetch counts when a finished result is answered with 200 (also when the answer is then lost
 *   to a reset fault: the service did answer). Answers for a running flow and errors do not count.
 * - The 4th fetch and any fetch after one day answer 403 DATA_DESTROYED (the only name known, §5.5).
 * - `verify_time`: unix seconds of the end of the flow, only for an ended flow (name undocumented).
 * - `images.image_best`: a generated JPEG data URI, only with return_image=1 and status OK.
 */
import type { VerificationData } from '../../core/faceid/verification';
import { bestImageDataUri } from './best-image';
import { isEnded, type FlowStore } from './flows';

export interface GetResultContext {
  apiKey: string;
  apiSecret: string;
  flows: FlowStore;
}

export type ResultReply =
  /** `verbatim`: the body is the stored data (keeps its own request_id and time_used). */
  | { status: number; body: Record<string, unknown>; verbatim: true }
  | { status: number; body: Record<string, string | number | object>; verbatim: false };

const refuse = (status: number, message: string): ResultReply => ({ status, body: { error_message: message }, verbatim: false });

const SWITCHES = ['return_verify_time', 'return_image'] as const;

/** Answers one get_result request from its query string. */
export function handleGetResult(query: URLSearchParams, ctx: GetResultContext): ResultReply {
  const key = query.get('api_key') ?? '';
  const secret = query.get('api_secret') ?? '';
  if (key === '') return refuse(400, 'MISSING_ARGUMENTS: api_key');
  if (secret === '') return refuse(400, 'MISSING_ARGUMENTS: api_secret');
  if (key !== ctx.apiKey || secret !== ctx.apiSecret) return refuse(403, 'AUTHENTICATION_ERROR');
  const bizId = query.get('biz_id') ?? '';
  if (bizId === '') return refuse(400, 'MISSING_ARGUMENTS: biz_id');
  for (const name of SWITCHES) {
    const v = query.get(name) ?? '';
    if (v !== '' && v !== '0' && v !== '1') return refuse(400, `BAD_ARGUMENTS: ${name}`);
  }
  ctx.flows.expireDue();
  const flow = ctx.flows.byBizId(bizId);
  if (!flow) return refuse(400, 'RESULT_NOT_FOUND');
  const t = flow.token;
  if (!isEnded(flow)) return { status: 200, body: { status: flow.status, biz_info: { biz_id: t.biz_id, biz_no: t.biz_no, biz_extra_data: t.params.biz_extra_data ?? '' } }, verbatim: false };
  if (ctx.flows.isDestroyed(flow)) return refuse(403, 'DATA_DESTROYED');
  flow.fetches += 1;
  const body = JSON.parse(flow.data) as VerificationData & Record<string, unknown>;
  if (query.get('return_image') === '1' && flow.status === 'OK') body.images = { image_best: bestImageDataUri() };
  if (query.get('return_verify_time') === '1') body.verify_time = Math.floor(flow.endedAtMs / 1000);
  return { status: 200, body, verbatim: true };
}
