import type { IssueTokenOutcome, IssueTokenRequest } from '../../core/api';
import type { FileParamName } from '../../core/faceid/catalogue';
import { photoFacts, photoMimeType } from '../../core/faceid/photo';
import { hasErrors, validateTokenRequest, type PhotoSet } from '../../core/faceid/validate';
import { fail, ok, type Result } from '../../core/result';
import { getToken, type GetTokenCall } from '../faceid/client';
import type { HandlerDeps, OpImpls } from './handlers';

type Photos = GetTokenCall['photos'];

function decodePhotos(req: IssueTokenRequest): { photos: Photos; facts: PhotoSet } {
  const photos: Photos = {};
  const facts: PhotoSet = {};
  for (const name of ['image_ref1', 'image_ref2'] as const satisfies readonly FileParamName[]) {
    const upload = req.photos[name];
    if (!upload) continue;
    const bytes = new Uint8Array(Buffer.from(upload.dataBase64, 'base64'));
    const f = photoFacts(bytes);
    facts[name] = f;
    photos[name] = { bytes, filename: upload.name || `${name}.jpg`, contentType: photoMimeType(f.format) };
  }
  return { photos, facts };
}

/** Issuing tokens: validation before anything is sent, then the real call, cancellable by id. */
export function tokenOps(deps: HandlerDeps): OpImpls<'issueToken' | 'cancelCall'> {
  const inFlight = new Map<string, AbortController>();
  const log = deps.log ?? (() => {});

  async function issueToken(req: IssueTokenRequest): Promise<Result<IssueTokenOutcome>> {
    const profile = await deps.vault.resolve(req.profileId);
    if (!profile) return fail({ code: 'PROFILE_NOT_FOUND', field: 'profileId', message: `No profile with id "${req.profileId}".` });
    const { photos, facts } = decodePhotos(req);
    const params = Object.fromEntries(Object.entries(req.params).filter(([, v]) => v !== ''));
    const issues = validateTokenRequest(params, facts);
    if (hasErrors(issues)) {
      const fields = [...new Set(issues.filter((i) => i.severity === 'error').map((e) => e.field))];
      return fail({
        code: 'INVALID_PARAMS',
        message: `Nothing was sent: ${fields.length} field${fields.length === 1 ? '' : 's'} to correct (${fields.join(', ')}).`,
        field: fields[0],
        issues,
      });
    }
    if (profile.apiSecret === '') {
      return fail({ code: 'NO_SECRET', field: 'apiSecret', message: `The profile "${profile.name}" has no api_secret; enter it in the profile first.` });
    }
    if (inFlight.has(req.callId)) return fail({ code: 'DUPLICATE_CALL', message: `A call with id ${req.callId} is already in flight.` });
    const controller = new AbortController();
    inFlight.set(req.callId, controller);
    const warnings = issues.filter((i) => i.severity === 'warning');
    try {
      const r = await getToken({
        baseUrl: profile.baseUrl,
        apiKey: profile.apiKey,
        apiSecret: profile.apiSecret,
        params,
        photos,
        timeoutMs: deps.timeoutMs,
        signal: controller.signal,
      });
      log(`issueToken profile=${profile.id} outcome=${r.outcome}${r.outcome === 'issued' ? '' : ` code=${r.error.code}`} ${r.elapsedMs}ms`);
      switch (r.outcome) {
        case 'issued':
          return ok({
            outcome: 'issued',
            token: r.token,
            biz_id: r.biz_id,
            request_id: r.request_id,
            expired_time: r.expired_time,
            time_used: r.time_used,
            httpStatus: r.httpStatus,
            elapsedMs: r.elapsedMs,
            warnings,
          });
        case 'failed':
          return ok({ outcome: 'failed', error: r.error, httpStatus: r.httpStatus, elapsedMs: r.elapsedMs, warnings });
        default:
          return ok({ outcome: 'unknown', error: r.error, elapsedMs: r.elapsedMs, warnings });
      }
    } finally {
      inFlight.delete(req.callId);
    }
  }

  return {
    issueToken,
    cancelCall: async ({ callId }) => {
      const c = inFlight.get(callId);
      c?.abort();
      return ok({ cancelled: c !== undefined });
    },
  };
}
