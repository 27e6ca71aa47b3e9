/**
 * The sandbox's get_token, as faithful to faceid-api.md as it allows. Validation order (the real
 * order is undocumented; this is the usual gateway order):
 *   1. upload limits (413, HTML — inferred from Raw-Verify)       [server.ts]
 *   2. api_key / api_secret present (MISSING_ARGUMENTS)
 *   3. credentials (403 AUTHENTICATION_ERROR)
 *   4. magic uuid gates: sandbox:unauthorized, sandbox:concurrency (403)
 *   5. MISSING_ARGUMENTS for required parameters, catalogue order
 *   6. BAD_ARGUMENTS, catalogue order (derived from the catalogue: byte limits, value lists,
 *      ranges, URLs, the notify_url port whitelist, known scene_id)
 *   7. images: INVALID_IMAGE_SIZE (>4096 px), IMAGE_ERROR_UNSUPPORTED_FORMAT (not a complete
 *      JPEG/PNG); ignored with comparison_type=-1
 *   8. magic uuid outcomes: sandbox:no-face, sandbox:multiple-faces, sandbox:internal-error
 *   9. a token.
 * A duplicate biz_no is accepted: the docs say it "must be unique" but name no error for it.
 * Unknown parameter names are ignored, as the real service does with extra form fields.
 */
import { createHash } from 'node:crypto';
import { PARAMS, isListedValue, type ParamSpec } from '../../core/faceid/catalogue';
import { utf8Length } from '../../core/faceid/validate';
import { DEFAULT_SCENE_TIMEOUT_S, MAGIC_UUIDS } from './defaults';
import { newToken, serialId } from './ids';
import { checkImage } from './images';
import type { UploadedFile } from './multipart';

export interface IssuedToken {
  token: string;
  biz_id: string;
  biz_no: string;
  /** Unix seconds. */
  expired_time: number;
  issuedAt: number;
  /** Every parameter received except the secret. */
  params: Record<string, string>;
  photos: Record<string, { sha256: string; bytes: number }>;
  used: boolean;
}

export interface GetTokenContext {
  apiKey: string;
  apiSecret: string;
  scenes: Readonly<Record<string, number>>;
  nowMs: number;
}

export type SandboxReply = { status: number; body: Record<string, unknown> } & { issued?: IssuedToken };

const err = (status: number, message: string): SandboxReply => ({ status, body: { error_message: message } });

function badValue(spec: ParamSpec, value: string, ctx: GetTokenContext): boolean {
  if (spec.maxBytes !== undefined && spec.kind !== 'file' && utf8Length(value) > spec.maxBytes) return true;
  switch (spec.kind) {
    case 'enum':
      return spec.name === 'action_http_method' ? !['GET', 'POST'].includes(value.toUpperCase()) : !isListedValue(spec, value);
    case 'integer':
      return !/^\d+$/.test(value) || (spec.range !== undefined && (Number(value) < spec.range.min || Number(value) > spec.range.max));
    case 'url': {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return true;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return true;
      const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
      return spec.ports !== undefined && !spec.ports.includes(port);
    }
    default:
      return spec.name === 'scene_id' && !(value in ctx.scenes);
  }
}

/** Answers one get_token request (fields and files already parsed). */
export function handleGetToken(fields: Map<string, string>, files: Map<string, UploadedFile>, ctx: GetTokenContext): SandboxReply {
  const key = fields.get('api_key') ?? '';
  const secret = fields.get('api_secret') ?? '';
  if (key === '') return err(400, 'MISSING_ARGUMENTS: api_key');
  if (secret === '') return err(400, 'MISSING_ARGUMENTS: api_secret');
  if (key !== ctx.apiKey || secret !== ctx.apiSecret) return err(403, 'AUTHENTICATION_ERROR');

  const uuid = fields.get('uuid') ?? '';
  if (uuid === MAGIC_UUIDS.unauthorized) return err(403, 'AUTHORIZATION_ERROR: Denied.');
  if (uuid === MAGIC_UUIDS.concurrency) return err(403, 'CONCURRENCY_LIMIT_EXCEEDED');

  const comparing = fields.get('comparison_type') === '0';
  const specs = (PARAMS as readonly ParamSpec[]).filter((p) => p.group !== 'credential');
  for (const spec of specs) {
    const present = spec.kind === 'file' ? files.has(spec.name) && (files.get(spec.name)?.bytes.length ?? 0) > 0 : (fields.get(spec.name) ?? '') !== '';
    const required = spec.required === 'always' || (spec.required === 'with-comparison' && comparing);
    if (required && !present) return err(400, `MISSING_ARGUMENTS: ${spec.name}`);
  }
  for (const spec of specs) {
    const value = fields.get(spec.name);
    if (spec.kind !== 'file' && value !== undefined && value !== '' && badValue(spec, value, ctx)) return err(400, `BAD_ARGUMENTS: ${spec.name}`);
  }
  if (comparing) {
    for (const name of ['image_ref1', 'image_ref2']) {
      const file = files.get(name);
      if (!file || file.bytes.length === 0) continue;
      const verdict = checkImage(file.bytes);
      if (verdict === 'too-many-pixels') return err(400, `INVALID_IMAGE_SIZE: ${name}`);
      if (verdict === 'unsupported-format') return err(400, `IMAGE_ERROR_UNSUPPORTED_FORMAT: ${name}`);
    }
    if (uuid === MAGIC_UUIDS.noFace) return err(400, 'NO_FACE_FOUND');
    if (uuid === MAGIC_UUIDS.multipleFaces && fields.get('fail_when_ref_multiple_faces') !== '0') return err(400, 'MULTIPLE_FACES');
  }
  if (uuid === MAGIC_UUIDS.internalError) return err(500, 'INTERNAL_ERROR');

  const sceneId = fields.get('scene_id') ?? '';
  const timeout = sceneId === '' ? DEFAULT_SCENE_TIMEOUT_S : (ctx.scenes[sceneId] ?? DEFAULT_SCENE_TIMEOUT_S);
  const params = Object.fromEntries([...fields].filter(([k]) => k !== 'api_secret'));
  const photos = Object.fromEntries(
    [...files].filter(([k]) => k === 'image_ref1' || k === 'image_ref2').map(([k, f]) => [k, { sha256: createHash('sha256').update(f.bytes).digest('hex'), bytes: f.bytes.length }]),
  );
  const issued: IssuedToken = {
    token: newToken(),
    biz_id: serialId(ctx.nowMs),
    biz_no: fields.get('biz_no') ?? '',
    expired_time: Math.floor(ctx.nowMs / 1000) + timeout,
    issuedAt: ctx.nowMs,
    params,
    photos,
    used: false,
  };
  return { status: 200, body: { token: issued.token, biz_id: issued.biz_id, expired_time: issued.expired_time }, issued };
}
