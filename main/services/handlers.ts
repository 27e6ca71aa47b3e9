/**
 * The one table of handlers implementing core/api.ts. Both shells bind it (ipcMain, HTTP routes)
 * and contain no business logic themselves. Every request is validated here with the contract's
 * zod schema, because the renderer is untrusted input; handlers never throw across the boundary.
 * Every answer — value and error, every string and key in it — leaves through the one redaction,
 * with the secrets known at that moment and any the request itself carried, so no operation has
 * to remember it (an upstream that echoes the request in its error cannot reach the renderer).
 */
import { OP_NAMES, requestSchemas, type ApiResponses, type OpName } from '../../core/api';
import { fail, ok, worded, type Result } from '../../core/result';
import { msg } from '../../core/i18n/render';
import type { HistoryStore } from '../history/store';
import type { SettingsStore } from '../settings/settings';
import { redactText, redactValue, secretsIn } from '../vault/redact';
import { VaultError, type Vault } from '../vault/vault';
import type { EmbeddedSandbox } from '../sandbox/embedded/client';
import { historyOps } from './history-ops';
import { resultFetcher, resultOps, type ResultContext } from './result-ops';
import { BestImages } from './best-images';
import { FlowEvents } from './flow-events';
import { watchOps } from './watch-ops';
import { catalogueOps } from './catalogue-ops';
import { profileOps } from './profile-ops';
import { teamOps } from './team-ops';
import { tokenOps } from './token-ops';
import { photoOps } from './photo-ops';
import { PhotoStage } from '../photos/stage';
import type { TeamService } from '../team/service';
import { precheckOps } from './precheck-ops';
import { lanOps } from './lan-ops';
import type { PhotoAnalyser } from '../precheck/analyser';
import { DownloadTickets, exportOps, type ExportSaver } from './export-ops';

export interface HandlerDeps {
  vault: Vault;
  history: HistoryStore;
  settings: SettingsStore;
  /** Per-call timeout for service requests, in ms: overrides every profile's own (the CLI's --timeout, tests). */
  timeoutMs?: number;
  log?: (line: string) => void;
  now?: () => number;
  /** The embedded sandbox, for its support controls (fault injection, callback log). */
  sandbox?: EmbeddedSandbox;
  /** Where staged photos are kept; a PhotoStage with STAGE_LIMITS by default (tests inject smaller caps). */
  photoStage?: PhotoStage;
  /** The team history (PostgreSQL publisher and queries), when the shell runs one. */
  team?: TeamService;
  /**
   * Saves the page now shown as a PDF (the desktop shell's printToPDF with the page's print CSS):
   * `suggestedName` for the save dialog. Absent in the browser shell, whose own print does it.
   */
  recordPrinter?: (suggestedName: string) => Promise<{ saved: boolean; filename?: string }>;
  /** Least time between two get_result polls of one call (POLL_INTERVAL_MS unless a test shortens it). */
  pollIntervalMs?: number;
  /** The photo pre-check (main/precheck); its operations answer PRECHECK_UNAVAILABLE without it. */
  precheck?: PhotoAnalyser;
  /** The desktop shell's save dialog for exports; absent, an export becomes a one-time download (browser shell). */
  exportSaver?: ExportSaver;
}

/** A handler takes the raw (unvalidated) payload and always resolves to a Result. */
export type Handler<K extends OpName> = (raw: unknown) => Promise<Result<ApiResponses[K]>>;
export type HandlerTable = { [K in OpName]: Handler<K> };

/** An operation's implementation, given its validated request. */
export type OpImpl<K extends OpName> = (request: ReturnType<(typeof requestSchemas)[K]['parse']>) => Promise<Result<ApiResponses[K]>>;
export type OpImpls<K extends OpName> = { [P in K]: OpImpl<P> };

/** The handler table, and the result fetcher the app also calls when a sandbox flow ends. */
export interface Handlers {
  table: HandlerTable;
  fetchResult: ReturnType<typeof resultFetcher>;
  /** Exports waiting for the browser shell's GET /download/<ticket>. */
  downloads: DownloadTickets;
}

/** Builds the handler table and exposes the shared result fetcher. */
export function buildHandlers(deps: HandlerDeps): Handlers {
  // Log lines an operation writes pass the same redaction as its answer.
  const sink = deps.log;
  const secrets = () => [...deps.vault.knownSecrets(), ...(deps.team?.knownSecrets() ?? [])];
  const log = (line: string) => sink?.(redactText(line, secrets()));
  const opDeps: HandlerDeps = { ...deps, log };
  const ctx: ResultContext = { events: new FlowEvents(), bestImages: new BestImages() };
  // The embedded sandbox reports the customer opening the page; for it, that is also PROCESSING.
  deps.sandbox?.onFlowOpened((e) => {
    ctx.events.record(e.biz_id, { kind: 'opened', at: e.at });
    ctx.events.record(e.biz_id, { kind: 'status', at: e.at, status: 'PROCESSING' });
  });
  const fetchResult = resultFetcher(opDeps, ctx);
  const stage = deps.photoStage ?? new PhotoStage();
  const downloads = new DownloadTickets(deps.now);
  const impl: OpImpls<OpName> = {
    ...catalogueOps(),
    ...photoOps(stage, opDeps),
    ...tokenOps(opDeps, stage),
    ...profileOps(opDeps),
    ...historyOps(opDeps, ctx.bestImages),
    ...resultOps(opDeps, fetchResult),
    ...teamOps(opDeps),
    ...watchOps(opDeps, ctx, fetchResult),
    ...precheckOps(opDeps, stage),
    ...lanOps(opDeps),
    ...exportOps(opDeps, downloads),
    saveRecordPdf: async ({ historyId }) => {
      const row = deps.history.get(historyId);
      if (!row) return fail(worded('NOT_FOUND', msg('console', 'history.rowNotFound', { id: historyId }), { field: 'historyId' }));
      if (!deps.recordPrinter) return fail(worded('USE_BROWSER_PRINT', msg('console', 'history.useBrowserPrint')));
      return ok(await deps.recordPrinter(`faceid-record-${row.bizNo.replace(/[^\w.-]+/g, '_')}.pdf`));
    },
  };

  const bind = <K extends OpName>(op: K): Handler<K> => {
    const run = impl[op] as OpImpl<K>;
    return async (raw: unknown) => redactValue(await answer(raw), [...secrets(), ...secretsIn(raw)]);
    async function answer(raw: unknown): Promise<Result<ApiResponses[K]>> {
      const parsed = requestSchemas[op].safeParse(raw ?? {});
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const where = first && first.path.length > 0 ? first.path.join('.') : undefined;
        // The schema's own words (zod's) are quoted as the detail: they name what the caller got wrong.
        const detail = first?.message ?? 'malformed';
        const words = where
          ? msg('console', 'request.invalidAt', { op, where, detail })
          : msg('console', 'request.invalid', { op, detail });
        return fail(worded('BAD_REQUEST', words, where ? { field: where } : {}));
      }
      try {
        return await run(parsed.data as Parameters<OpImpl<K>>[0]);
      } catch (e) {
        if (e instanceof VaultError) return fail(worded(e.code, e.words, e.field ? { field: e.field } : {}));
        // A bug on our side must not crash a shell or leak a stack trace to the operator.
        log(`handler ${op} failed: ${e instanceof Error ? e.message : String(e)}`);
        return fail(worded('INTERNAL', msg('console', 'request.internal', { op })));
      }
    }
  };

  return { table: Object.fromEntries(OP_NAMES.map((op) => [op, bind(op)])) as HandlerTable, fetchResult, downloads };
}
