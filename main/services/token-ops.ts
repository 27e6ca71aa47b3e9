import type { IssueTokenOutcome, IssueTokenRequest } from '../../core/api';
import { FILE_PARAMS } from '../../core/faceid/catalogue';
import { explainForPhotos } from '../../core/faceid/errors';
import { photoMimeType } from '../../core/faceid/photo';
import { hasErrors, validateTokenRequest, type PhotoSet } from '../../core/faceid/validate';
import { fail, ok, worded, type Result } from '../../core/result';
import type { HistoryPhoto, TeamOrigin } from '../../core/history';
import { livenessUrl } from '../../core/faceid/verification';
import { describeGetTokenRequest, getToken, type GetTokenCall, type GetTokenResult } from '../faceid/client';
import type { CallEnd } from '../history/store';
import type { PhotoStage } from '../photos/stage';
import type { HandlerDeps, OpImpls } from './handlers';
import { msg } from '../../core/i18n/render';

type Photos = GetTokenCall['photos'];

/** Apply the retention settings after this many completed calls. */
const RETENTION_EVERY = 50;

/** How a finished call is recorded in the history (the store scrubs every text it writes of the secrets). */
function callEnd(r: GetTokenResult, finishedAt: number): CallEnd {
  const body = r.rawBody;
  if (r.outcome === 'issued') {
    return {
      status: 'issued',
      finishedAt,
      httpStatus: r.httpStatus,
      responseBody: body,
      token: r.token,
      bizId: r.biz_id,
      requestId: r.request_id,
      expiredTime: r.expired_time,
      timeUsed: r.time_used,
      elapsedMs: r.elapsedMs,
      exchange: r.exchange,
    };
  }
  return {
    status: r.outcome,
    finishedAt,
    httpStatus: r.outcome === 'failed' ? r.httpStatus : r.error.httpStatus,
    responseBody: body,
    requestId: r.error.requestId,
    elapsedMs: r.elapsedMs,
    errorCode: r.error.code,
    errorField: r.error.field,
    // The service's own text, verbatim; the console's words are looked up from the code when shown.
    errorMessage: r.error.serviceMessage,
    exchange: r.exchange,
  };
}

/** Photo facts, parts and hashes for the request, from the staging area: nothing is hashed or sniffed again. */
function stagedPhotos(req: IssueTokenRequest, stage: PhotoStage): Result<{ photos: Photos; facts: PhotoSet }> {
  const photos: Photos = {};
  const facts: PhotoSet = {};
  for (const name of FILE_PARAMS) {
    const ref = req.photos[name];
    if (!ref) continue;
    const found = stage.get(ref.handle);
    if (!found.found) {
      return fail(
        worded('PHOTO_NOT_STAGED', msg('errors', 'issue.photoNotStaged', { field: name, reason: found.reason }), {
          field: name,
          reason: found.reason,
        }),
      );
    }
    const p = found.photo;
    facts[name] = p.facts;
    photos[name] = { bytes: p.bytes, filename: p.name || `${name}.jpg`, contentType: photoMimeType(p.facts.format), sha256: p.sha256 };
  }
  return ok({ photos, facts });
}

/** Issuing tokens: validation before anything is sent, then the real call, cancellable by id. */
export function tokenOps(deps: HandlerDeps, stage: PhotoStage): OpImpls<'issueToken' | 'cancelCall'> {
  const inFlight = new Map<string, AbortController>();
  const log = deps.log ?? (() => {});
  const now = deps.now ?? Date.now;
  let completed = 0;

  async function issueToken(req: IssueTokenRequest): Promise<Result<IssueTokenOutcome>> {
    const profile = await deps.vault.resolve(req.profileId);
    if (!profile)
      return fail(worded('PROFILE_NOT_FOUND', msg('errors', 'issue.profileNotFound', { id: req.profileId }), { field: 'profileId' }));
    const staged = stagedPhotos(req, stage);
    if (!staged.ok) return staged;
    const { photos, facts } = staged.value;
    const params = Object.fromEntries(Object.entries(req.params).filter(([, v]) => v !== ''));
    const issues = validateTokenRequest(params, facts);
    if (hasErrors(issues)) {
      const fields = [...new Set(issues.filter((i) => i.severity === 'error').map((e) => e.field))];
      return fail(
        worded('INVALID_PARAMS', msg('errors', 'issue.invalid', { count: fields.length, fields: fields.join(', ') }), {
          field: fields[0],
          issues,
        }),
      );
    }
    if (profile.apiSecret === '') {
      return fail(worded('NO_SECRET', msg('errors', 'issue.noSecret', { profile: profile.name }), { field: 'apiSecret' }));
    }
    if (inFlight.has(req.callId)) return fail(worded('DUPLICATE_CALL', msg('errors', 'issue.inFlight', { id: req.callId })));
    const controller = new AbortController();
    inFlight.set(req.callId, controller);
    const warnings = issues.filter((i) => i.severity === 'warning');
    const parts = { baseUrl: profile.baseUrl, apiKey: profile.apiKey, apiSecret: profile.apiSecret, params, photos };
    const settings = deps.settings.get();
    const described = describeGetTokenRequest(parts);
    const historyPhotos: HistoryPhoto[] = described.files.map((f) => ({
      param: f.name,
      filename: f.filename,
      sha256: f.sha256,
      bytes: f.size,
      width: facts[f.name]?.width,
      height: facts[f.name]?.height,
      format: facts[f.name]?.format ?? null,
      kept: settings.keepPhotos,
      ...(req.photos[f.name]?.originalSha256 ? { originalSha256: req.photos[f.name]?.originalSha256 } : {}),
    }));
    const branch = (await deps.vault.summaryOf(req.profileId).catch(() => undefined))?.desk.branch ?? '';
    // A replay of a team call records where it came from (read from the team store, not taken from the caller).
    let clonedFromTeam: TeamOrigin | undefined;
    if (req.clonedFromTeam !== undefined) {
      const source = await deps.team?.get(req.clonedFromTeam).catch(() => undefined);
      if (!source)
        return fail(
          worded('NOT_FOUND', msg('console', 'history.teamCallNotFound', { id: req.clonedFromTeam }), { field: 'clonedFromTeam' }),
        );
      clonedFromTeam = { id: source.id, globalId: source.globalId, branch: source.branch, desk: source.desk };
    }
    try {
      // Written before anything is sent: a crash mid-call leaves an "unknown outcome" row, never nothing.
      deps.history.begin({
        callId: req.callId,
        startedAt: now(),
        profile: { id: profile.id, name: profile.name, environment: profile.environment, baseUrl: profile.baseUrl },
        operator: settings.operator,
        branch,
        params: Object.fromEntries(described.fields.map((f) => [f.name, f.value])),
        photos: historyPhotos,
        photoBytes: settings.keepPhotos
          ? new Map(described.files.map((f) => [f.sha256, photos[f.name]?.bytes ?? new Uint8Array()]))
          : undefined,
        clonedFrom: req.clonedFrom,
        clonedFromTeam,
      });
      // An override for the whole console (the CLI's --timeout) wins over the profile's own setting.
      const r = await getToken({ ...parts, timeoutMs: deps.timeoutMs ?? profile.timeoutMs, signal: controller.signal });
      deps.history.complete(req.callId, callEnd(r, now()));
      // Retention also runs as calls accumulate, not only at startup and when the settings change.
      if (++completed % RETENTION_EVERY === 0) deps.history.applyRetention(settings, now());
      log(`issueToken profile=${profile.id} outcome=${r.outcome}${r.outcome === 'issued' ? '' : ` code=${r.error.code}`} ${r.elapsedMs}ms`);
      switch (r.outcome) {
        case 'issued':
          return ok({
            outcome: 'issued',
            token: r.token,
            // On the embedded sandbox served on a LAN address, the link a phone scans uses that address.
            livenessUrl: livenessUrl(
              deps.sandbox && profile.baseUrl === deps.sandbox.baseUrl ? deps.sandbox.publicBaseUrl : profile.baseUrl,
              r.token,
            ),
            historyId: deps.history.idOf(req.callId),
            biz_id: r.biz_id,
            request_id: r.request_id,
            expired_time: r.expired_time,
            time_used: r.time_used,
            httpStatus: r.httpStatus,
            elapsedMs: r.elapsedMs,
            warnings,
          });
        case 'failed':
          return ok({
            outcome: 'failed',
            error: explainForPhotos(
              r.error,
              FILE_PARAMS.filter((n) => photos[n]),
            ),
            httpStatus: r.httpStatus,
            elapsedMs: r.elapsedMs,
            warnings,
            historyId: deps.history.idOf(req.callId),
          });
        default:
          return ok({ outcome: 'unknown', error: r.error, elapsedMs: r.elapsedMs, warnings, historyId: deps.history.idOf(req.callId) });
      }
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        return fail(worded('DUPLICATE_CALL', msg('errors', 'issue.alreadyMade', { id: req.callId })));
      }
      throw e;
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
