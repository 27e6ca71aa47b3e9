/** `token` and `replay`: a get_token call through the app's own handler, recorded in its history. */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { IssueTokenOutcome, IssueTokenRequest, PhotoRef } from '../../core/api';
import { suggestBizNo } from '../../core/faceid/biz-no';
import { FILE_PARAMS, type FileParamName } from '../../core/faceid/catalogue';
import { errorWords } from '../../core/faceid/errors';
import type { HistoryRow } from '../../core/history';
import { chooseProfile, type CliContext } from './context';
import { EXIT, UsageError, type ExitCode } from './output';

/** `k=v` pairs of --set; a value may itself contain "=". */
export function parseSets(sets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sets) {
    const at = s.indexOf('=');
    if (at <= 0) throw new UsageError(`--set ${s}: expected name=value, e.g. --set uuid=cust-42.`);
    const name = s.slice(0, at);
    if (name === 'api_key' || name === 'api_secret')
      throw new UsageError(`--set ${name}: credentials come from the profile (and FACEID_API_SECRET), never from an argument.`);
    out[name] = s.slice(at + 1);
  }
  return out;
}

interface PhotoFile {
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

/** Stages a photo with the app's own handler (as a drop in the UI does) and returns its handle. */
async function stage(ctx: CliContext, param: FileParamName, name: string, bytes: Uint8Array): Promise<PhotoRef> {
  const r = await ctx.app.handlers.stagePhoto({ name, bytes });
  if (!r.ok) throw new UsageError(`${param}: ${ctx.out.errorText(r.error)}`);
  return { handle: r.value.handle };
}

/** Stages every given photo; the request then refers to them by handle. */
async function stageAll(ctx: CliContext, files: Partial<Record<FileParamName, PhotoFile>>): Promise<IssueTokenRequest['photos']> {
  const photos: IssueTokenRequest['photos'] = {};
  for (const [param, f] of Object.entries(files) as [FileParamName, PhotoFile][]) photos[param] = await stage(ctx, param, f.name, f.bytes);
  return photos;
}

/** --photo image_ref1=PATH, read now so a wrong path is a usage error before anything is sent. */
export function readPhotos(specs: readonly string[]): Partial<Record<FileParamName, PhotoFile>> {
  const out: Partial<Record<FileParamName, PhotoFile>> = {};
  for (const s of specs) {
    const at = s.indexOf('=');
    const param = s.slice(0, Math.max(at, 0));
    if (!(FILE_PARAMS as readonly string[]).includes(param))
      throw new UsageError(`--photo ${s}: expected image_ref1=PATH or image_ref2=PATH.`);
    const path = s.slice(at + 1);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new UsageError(`--photo ${param}: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
    }
    out[param as FileParamName] = {
      name: basename(path),
      bytes: new Uint8Array(bytes),
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  }
  return out;
}

/** Sends the call and reports it; the exit code says how it ended. */
async function send(ctx: CliContext, req: IssueTokenRequest): Promise<ExitCode> {
  const r = await ctx.app.handlers.issueToken(req);
  const { out } = ctx;
  if (!r.ok) {
    out.data({ outcome: 'not-sent', error: r.error, bizNo: req.params.biz_no });
    out.note(`not sent: ${r.error.code}${r.error.field ? ` (${r.error.field})` : ''}: ${out.errorText(r.error)}`);
    for (const issue of r.error.issues ?? []) if (issue.severity === 'error') out.note(`  ${issue.field}: ${out.say(issue.message)}`);
    return r.error.code === 'INVALID_PARAMS' || r.error.code === 'NO_SECRET' ? EXIT.usage : EXIT.failed;
  }
  const v: IssueTokenOutcome = r.value;
  out.data({ ...v, bizNo: req.params.biz_no, clonedFrom: req.clonedFrom });
  const row = v.historyId !== undefined ? `history #${v.historyId}` : 'not in the history';
  for (const w of v.warnings) out.note(`warning: ${w.field}: ${out.say(w.message)}`);
  if (v.outcome === 'issued') {
    out.line(`issued  biz_no=${req.params.biz_no}  biz_id=${v.biz_id}  (${row}, ${v.elapsedMs} ms)`);
    out.line(`token ${v.token}`);
    out.line(`liveness page ${v.livenessUrl}`);
    return EXIT.ok;
  }
  const e = v.error;
  const head = `${v.outcome === 'failed' ? 'failed' : 'unknown outcome'}  ${e.serviceMessage ?? e.code}${'httpStatus' in v && v.httpStatus ? `  HTTP ${v.httpStatus}` : ''}  (${row}, ${v.elapsedMs} ms)`;
  out.line(head);
  out.line(`${out.say(e.title)}: ${out.say(errorWords(e))}`);
  if (v.outcome === 'unknown') out.line('A token may have been issued: check before sending again, with a new biz_no.');
  return v.outcome === 'failed' ? EXIT.failed : EXIT.unknown;
}

export interface TokenArgs {
  profile?: string;
  set: string[];
  photo: string[];
}

/** `faceid-console token`. */
export async function tokenCommand(ctx: CliContext, args: TokenArgs): Promise<ExitCode> {
  const profile = await chooseProfile(ctx, args.profile);
  const sets = parseSets(args.set);
  const photos = readPhotos(args.photo);
  const params = { ...profile.defaults, ...sets };
  if (!params.biz_no) params.biz_no = suggestBizNo();
  return send(ctx, { callId: randomUUID(), profileId: profile.id, params, photos: await stageAll(ctx, photos) });
}

export interface ReplayArgs extends TokenArgs {
  target: string;
  keepBizNo: boolean;
}

function findRow(ctx: CliContext, target: string): HistoryRow {
  const byId = /^#?\d+$/.test(target) ? ctx.app.history.get(Number(target.replace('#', ''))) : undefined;
  const row = byId ?? ctx.app.history.findByBizNo(target);
  if (!row) throw new UsageError(`replay ${target}: no history row with that id or biz_no.`);
  return row;
}

/**
 * `faceid-console replay`: the recorded parameters (credentials from the profile), a fresh biz_no
 * unless --keep-biz-no, kept photos from the history and the others from --photo, checked by
 * SHA-256 against the record (a different file is sent, with a warning: the agent may mean it).
 */
export async function replayCommand(ctx: CliContext, args: ReplayArgs): Promise<ExitCode> {
  const row = findRow(ctx, args.target);
  const profile = await chooseProfile(ctx, args.profile ?? row.profileId);
  const given = readPhotos(args.photo);
  const { api_key: _key, api_secret: _secret, ...recorded } = row.params;
  const params = { ...recorded, ...parseSets(args.set) };
  if (!args.keepBizNo && !parseSets(args.set).biz_no) params.biz_no = suggestBizNo();
  if (args.keepBizNo)
    ctx.out.note(
      `warning: resending biz_no ${params.biz_no}: the service expects each biz_no to be unique, and two tokens under one biz_no are hard to tell apart.`,
    );
  const files: Partial<Record<FileParamName, PhotoFile>> = {};
  for (const p of row.photos) {
    const file = given[p.param];
    if (file) {
      if (file.sha256 !== p.sha256)
        ctx.out.note(`warning: --photo ${p.param} is not the recorded photo (sha256 ${file.sha256}, recorded ${p.sha256}).`);
      files[p.param] = file;
      continue;
    }
    const kept = ctx.app.history.photo(p.sha256);
    if (!kept)
      throw new UsageError(
        `replay: ${p.param} was not kept; pass --photo ${p.param}=PATH (the file with sha256 ${p.sha256}, ${p.bytes} bytes, sent as ${p.filename}).`,
      );
    files[p.param] = { name: p.filename, bytes: new Uint8Array(kept), sha256: p.sha256 };
  }
  for (const [param, file] of Object.entries(given) as [FileParamName, PhotoFile][]) if (!files[param]) files[param] = file;
  const photos = await stageAll(ctx, files);
  ctx.out.note(`replaying #${row.id} (${row.bizNo}) on ${profile.name} as biz_no ${params.biz_no}`);
  return send(ctx, { callId: randomUUID(), profileId: profile.id, params, photos, clonedFrom: row.id });
}
