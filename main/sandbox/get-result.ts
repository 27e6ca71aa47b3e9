/**
 * The sandbox's get_result, `GET /faceid/lite/get_result` (faceid-api.md §5). Order of checks:
 *   1. api_key, then api_secret, absent or empty → 400 MISSING_ARGUMENTS: <key>
 *   2. key/secret mismatch → 403 AUTHENTICATION_ERROR (under `error`, as every error: service-error.ts)
 *   3. biz_id absent or empty → 400 MISSING_ARGUMENTS: biz_id
 *   4. return_verify_time other than "0"/"1" → 400 BAD_ARGUMENTS: return_verify_time; return_image
 *      likewise in strict mode (lenient: answered as for "1", and logged as accepted on trust)
 *   5. unknown biz_id → 400 RESULT_NOT_FOUND
 *   6. flow not ended → 200 { status: NOT_STARTED | PROCESSING, biz_info } (no results yet)
 *   7. result fetched three times already, or older than a day → 403 DATA_DESTROYED
 *   8. 200 with the `data` the callbacks carried, plus `images` / `verify_time` when asked.
 *
 * Choices where the docs are open (§5.1, §5.2, §5.5, §9), all inferred:
 * - Only `biz_id` is read. The English page's table says `biz_no`, but its own text, the Chinese
 *   page and every client use biz_id; accepting biz_no would teach client code a key the service
 *   may refuse. A request with only biz_no is MISSING_ARGUMENTS: biz_id.
 * - Each answer has its own `request_id` and `time_used`: the vendor defines request_id as unique
 *   per request, so the callbacks' ones are not repeated; every other field is the callbacks' `data`.
 * - return_image beyond "0"/"1": the overseas list stops at 1, the China edition has 2–6, so the
 *   vendor has not ruled other values out; only lenient mode accepts them.
 * - A fetch counts when a finished result is answered with 200 (also when the answer is then lost
 *   to a reset fault: the service did answer). Answers for a running flow and errors do not count.
 * - The 4th fetch and any fetch after one day answer 403 DATA_DESTROYED (the only name known, §5.5).
 * - `verify_time`: unix seconds of the end of the flow, only for an ended flow (name undocumented).
 * - `images.image_best`: a generated JPEG as a `data:image/jpeg;base64,` URI, only with
 *   return_image=1 and status OK. Public clients disagree on whether the real field carries the
 *   `data:` prefix (the China doc copy shows it; some clients decode the field as bare base64):
 *   the sandbox keeps the prefix; a client should accept both.
 */
import type { VerificationData } from '../../core/faceid/verification';
import { bestImageDataUri } from './best-image';
import { isEnded, type FlowStore } from './flows';
import { serviceErrorBody } from './service-error';
import type { TrustedValue } from './trust-log';
import { msg } from '../../core/i18n/render';

export interface GetResultContext {
  apiKey: string;
  apiSecret: string;
  flows: FlowStore;
  /** Accept what the vendor has not ruled out (return_image beyond 0/1). */
  lenient: boolean;
}

/** A JSON answer without request_id and time_used (the server adds both, fresh for every answer). */
export interface ResultReply {
  status: number;
  body: Record<string, unknown>;
  trusted: TrustedValue[];
}

const refuse = (status: number, code: string, detail?: string): ResultReply => ({
  status,
  body: serviceErrorBody(code, detail),
  trusted: [],
});

/** return_image as the sandbox answers it, or a refusal (strict) / a value taken on trust (lenient). */
function readReturnImage(raw: string, lenient: boolean): { value: string; trusted?: TrustedValue } | undefined {
  if (raw === '' || raw === '0' || raw === '1') return { value: raw };
  if (!lenient) return undefined;
  return {
    value: '1',
    trusted: {
      param: 'return_image',
      value: raw,
      treatedAs: '1',
      note: msg('console', 'trust.returnImage'),
      accepted: true,
    },
  };
}

/** Answers one get_result request from its query string. */
export function handleGetResult(query: URLSearchParams, ctx: GetResultContext): ResultReply {
  const key = query.get('api_key') ?? '';
  const secret = query.get('api_secret') ?? '';
  if (key === '') return refuse(400, 'MISSING_ARGUMENTS', 'api_key');
  if (secret === '') return refuse(400, 'MISSING_ARGUMENTS', 'api_secret');
  if (key !== ctx.apiKey || secret !== ctx.apiSecret) return refuse(403, 'AUTHENTICATION_ERROR');
  const bizId = query.get('biz_id') ?? '';
  if (bizId === '') return refuse(400, 'MISSING_ARGUMENTS', 'biz_id');
  const verifyTime = query.get('return_verify_time') ?? '';
  if (verifyTime !== '' && verifyTime !== '0' && verifyTime !== '1') return refuse(400, 'BAD_ARGUMENTS', 'return_verify_time');
  const image = readReturnImage(query.get('return_image') ?? '', ctx.lenient);
  if (!image) return refuse(400, 'BAD_ARGUMENTS', 'return_image');
  const trusted = image.trusted ? [image.trusted] : [];
  ctx.flows.expireDue();
  const flow = ctx.flows.byBizId(bizId);
  if (!flow) return { ...refuse(400, 'RESULT_NOT_FOUND'), trusted };
  const t = flow.token;
  if (!isEnded(flow))
    return {
      status: 200,
      body: { status: flow.status, biz_info: { biz_id: t.biz_id, biz_no: t.biz_no, biz_extra_data: t.params.biz_extra_data ?? '' } },
      trusted,
    };
  if (ctx.flows.isDestroyed(flow)) return { ...refuse(403, 'DATA_DESTROYED'), trusted };
  flow.fetches += 1;
  const {
    request_id: _callbackRequestId,
    time_used: _callbackTimeUsed,
    ...body
  } = JSON.parse(flow.data) as VerificationData & Record<string, unknown>;
  if (image.value === '1' && flow.status === 'OK') body.images = { image_best: bestImageDataUri() };
  if (verifyTime === '1') body.verify_time = Math.floor(flow.endedAtMs / 1000);
  return { status: 200, body, trusted };
}
