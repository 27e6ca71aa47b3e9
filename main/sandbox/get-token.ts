/**
 * The sandbox's get_token, as faithful to faceid-api.md as it allows. The real validation order
 * is undocumented; the sandbox answers the first failing step of the usual gateway order:
 *   1. upload limits: a file part over 2 MB or a body over 10 MB → HTTP 413, an nginx HTML page,
 *      not JSON (inferred from Raw-Verify, faceid-api.md §2.5)                       [server.ts]
 *   2. api_key, then api_secret, absent or empty → 400 MISSING_ARGUMENTS: <key>
 *   3. key/secret mismatch → 403 AUTHENTICATION_ERROR
 *   4. required parameters in catalogue order (return_url, notify_url, biz_no, comparison_type;
 *      uuid and image_ref1 with comparison_type=0) → 400 MISSING_ARGUMENTS: <key>
 *   5. values in catalogue order → 400 BAD_ARGUMENTS: <key>; lenient mode accepts values the
 *      vendor has not ruled out and answers as for the nearest documented one   [arguments.ts]
 *   6. reference images, image_ref1 then image_ref2, only with comparison_type=0 (with -1 they
 *      are accepted and ignored): > 4096 px → 400 INVALID_IMAGE_SIZE: <key>; not a complete
 *      JPEG/PNG → 400 IMAGE_ERROR_UNSUPPORTED_FORMAT: <key>; decode queue full → 403
 *      CONCURRENCY_LIMIT_EXCEEDED (the service's overload answer)                 [images.ts]
 *   7. magic uuid values (defaults.ts MAGIC_UUIDS), so a forced error never hides a real one;
 *      then, opt-in, the face detector's NO_FACE_FOUND / MULTIPLE_FACES (main/precheck)
 *      (the transport ones — sandbox:reset, :proxy-502, :trickle, :latency-<ms> — change how the
 *      answer is delivered, not what it is: faults.ts, applied by server.ts)
 *   8. a token.
 * Unknown parameter names are ignored, as the real service does with extra form fields.
 * A duplicate biz_no is accepted: the docs say it "must be unique" but name no error for it, and
 * inventing one would teach client developers to handle a code the service never sends.
 */
import { FILE_PARAMS } from '../../core/faceid/catalogue';
import { checkArguments, firstMissing, isComparison } from './arguments';
import { DEFAULT_SCENE_TIMEOUT_S, MAGIC_UUIDS } from './defaults';
import { checkImage } from './images';
import type { ReceivedForm } from './multipart';
import type { LikelyAnswer } from '../../core/precheck/findings';
import type { PrecheckContext } from '../../core/precheck/judge';
import { serviceErrorBody } from './service-error';
import { issueToken, type IssuedToken } from './tokens';
import type { TrustedValue } from './trust-log';

export interface GetTokenContext {
  apiKey: string;
  apiSecret: string;
  scenes: Readonly<Record<string, number>>;
  /** false: a loopback notify_url may use any port (SandboxOptions.callbackPortCheck). */
  callbackPortCheck: boolean;
  /** Accept what the vendor has not ruled out (arguments.ts). */
  lenient: boolean;
  /** Sandbox clock, ms. */
  nowMs: number;
  /** Opt-in (`--detect-faces`, the panel's switch): answers NO_FACE_FOUND / MULTIPLE_FACES from the photos' content. */
  faceCheck?: FaceCheck;
}

/** What the service would answer for one reference photo, given the call's parameters (main/precheck). */
export type FaceCheck = (bytes: Uint8Array, context: PrecheckContext) => Promise<LikelyAnswer>;

/**
 * The detector's verdict on each photo sent, after the magic uuids (a forced answer wins). Either
 * photo without a face fails the call, as the service's "no face in either reference image" does;
 * a photo the detector cannot check is let through (the image checks already passed it).
 */
async function detectedOutcome(form: ReceivedForm, check: FaceCheck): Promise<SandboxReply | undefined> {
  const context: PrecheckContext = {
    multiOrientedDetection: form.fields.get('multi_oriented_detection') === '1',
    failWhenMultipleFaces: form.fields.get('fail_when_ref_multiple_faces') !== '0',
  };
  for (const name of FILE_PARAMS) {
    const file = form.files.get(name);
    if (!file || file.bytes.length === 0) continue;
    const answer = await check(file.bytes, context).catch(() => 'OK' as const);
    if (answer !== 'OK') return refuse(400, answer);
  }
  return undefined;
}

/** A JSON answer without request_id and time_used (the server adds both). */
export interface SandboxReply {
  status: number;
  body: Record<string, string | number>;
  issued?: IssuedToken;
  /** Values accepted on trust and unknown names, for the trust log (also on a refusal after the argument checks). */
  trusted?: TrustedValue[];
}

/** An error answer, under the key the vendor sends `code` in (service-error.ts). */
const refuse = (status: number, code: string, detail?: string): SandboxReply => ({ status, body: serviceErrorBody(code, detail) });

async function checkImages(form: ReceivedForm): Promise<SandboxReply | undefined> {
  for (const name of FILE_PARAMS) {
    const file = form.files.get(name);
    if (!file || file.bytes.length === 0) continue;
    const verdict = await checkImage(file.bytes);
    // The decode queue is full: the service's own answer to overload.
    if (verdict === 'busy') return refuse(403, 'CONCURRENCY_LIMIT_EXCEEDED');
    if (verdict === 'too-many-pixels') return refuse(400, 'INVALID_IMAGE_SIZE', name);
    if (verdict === 'unsupported-format') return refuse(400, 'IMAGE_ERROR_UNSUPPORTED_FORMAT', name);
  }
  return undefined;
}

/** The outcome a magic uuid forces, if any. `examined`: reference images were looked at. */
function forcedOutcome(form: ReceivedForm, examined: boolean): SandboxReply | undefined {
  switch (form.fields.get('uuid')) {
    case MAGIC_UUIDS.noFace:
      return examined ? refuse(400, 'NO_FACE_FOUND') : undefined;
    case MAGIC_UUIDS.multipleFaces:
      // With fail_when_ref_multiple_faces=0 the service uses the largest face: a token is issued.
      return examined && form.fields.get('fail_when_ref_multiple_faces') !== '0' ? refuse(400, 'MULTIPLE_FACES') : undefined;
    case MAGIC_UUIDS.concurrency:
      return refuse(403, 'CONCURRENCY_LIMIT_EXCEEDED');
    case MAGIC_UUIDS.internalError:
      return refuse(500, 'INTERNAL_ERROR');
    case MAGIC_UUIDS.unauthorized:
      return refuse(403, 'AUTHORIZATION_ERROR', 'Denied.');
    default:
      return undefined;
  }
}

/**
 * Answers one get_token request whose body was parsed within the upload limits. Async because
 * reference images are decoded off the event loop (images.ts).
 */
export async function handleGetToken(form: ReceivedForm, ctx: GetTokenContext): Promise<SandboxReply> {
  const key = form.fields.get('api_key') ?? '';
  const secret = form.fields.get('api_secret') ?? '';
  if (key === '') return refuse(400, 'MISSING_ARGUMENTS', 'api_key');
  if (secret === '') return refuse(400, 'MISSING_ARGUMENTS', 'api_secret');
  if (key !== ctx.apiKey || secret !== ctx.apiSecret) return refuse(403, 'AUTHENTICATION_ERROR');

  const missing = firstMissing(form);
  if (missing) return refuse(400, 'MISSING_ARGUMENTS', missing);
  const args = checkArguments(form, ctx);
  if (!args.ok) return refuse(400, 'BAD_ARGUMENTS', args.bad);
  // From here on the sandbox answers as for the documented values put in place of trusted ones.
  const effective: ReceivedForm = { fields: args.fields, files: form.files };
  const trusted = args.trusted;

  const examined = isComparison(effective.fields);
  const imageError = examined ? await checkImages(effective) : undefined;
  if (imageError) return { ...imageError, trusted };
  const forced = forcedOutcome(effective, examined);
  if (forced) return { ...forced, trusted };
  const detected = examined && ctx.faceCheck ? await detectedOutcome(effective, ctx.faceCheck) : undefined;
  if (detected) return { ...detected, trusted };

  const sceneId = effective.fields.get('scene_id') ?? '';
  const timeoutS = sceneId === '' ? DEFAULT_SCENE_TIMEOUT_S : (ctx.scenes[sceneId] ?? DEFAULT_SCENE_TIMEOUT_S);
  const issued = issueToken(effective, ctx.nowMs, timeoutS, trusted);
  return { status: 200, body: { token: issued.token, biz_id: issued.biz_id, expired_time: issued.expired_time }, issued, trusted };
}
