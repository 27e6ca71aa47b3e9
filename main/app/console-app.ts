import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { HistoryStore } from '../history/store';
import { SettingsStore } from '../settings/settings';
import { startEmbeddedSandbox, type EmbeddedSandbox } from '../sandbox/embedded/client';
import { startInProcessSandbox } from '../sandbox/embedded/in-process';
import { buildHandlers, type HandlerTable } from '../services/handlers';
import type { DownloadTickets, ExportSaver } from '../services/export-ops';
import { createPhotoAnalyser } from '../precheck/analyser';
import type { SecretCipher } from '../vault/cipher';
import { keyFileCipher } from '../vault/keyfile-cipher';
import type { StoreFactory } from '../vault/store';
import { redactText, redactorOf } from '../vault/redact';
import { TeamConfigStore } from '../team/team-config';
import { TeamService } from '../team/service';
import { securePrivateData } from './data-dir';
import { describeTightened } from './private-files';
import { Vault } from '../vault/vault';
import type { PhotoStage } from '../photos/stage';

export interface ConsoleAppOptions {
  dataDir: string;
  /** safeStorage under Electron; the AES-GCM key file by default (browser shell, tests). */
  cipher?: SecretCipher;
  /** electron-store under Electron; conf by default. */
  storeFactory?: StoreFactory;
  log?: (line: string) => void;
  /** Path of a better-sqlite3 binary built for this runtime (Electron's ABI differs from Node's). */
  sqliteBinding?: string;
  /** The staging area for photos; STAGE_LIMITS by default (tests inject smaller caps). */
  photoStage?: PhotoStage;
  /**
   * Whether this process owns the history: it then marks rows left pending by a previous run as
   * interrupted and applies retention. A CLI call runs beside a running app, whose calls in flight
   * are pending too, so it passes false (default true).
   */
  ownsHistory?: boolean;
  /** Per-call timeout of service requests, ms (the client's default when absent). */
  timeoutMs?: number;
  /**
   * Where the embedded sandbox runs: its own worker thread (default), or this thread for a
   * one-shot CLI command, which would pay the thread's start for nothing.
   */
  sandboxThread?: 'worker' | 'inline';
  /** The desktop shell's PDF record saver (see HandlerDeps.recordPrinter). */
  recordPrinter?: (suggestedName: string) => Promise<{ saved: boolean; filename?: string }>;
  /** The desktop shell's save dialog for exports (see HandlerDeps.exportSaver). */
  exportSaver?: ExportSaver;
}

/** Everything a shell binds: the handler table over the trusted side's services. */
export interface ConsoleApp {
  handlers: HandlerTable;
  /** Exports waiting for the browser shell's one-time download (GET /download/<ticket>). */
  downloads: DownloadTickets;
  dataDir: string;
  sandbox: EmbeddedSandbox;
  vault: Vault;
  history: HistoryStore;
  /** The app's log, every line redacted; shells write their own lines through it. */
  log: (line: string) => void;
  /** Publishes what waits in the outbox once (TeamService.publishOnce): for the CLI, which runs no publisher. */
  publishOnce: TeamService['publishOnce'];
  close(): Promise<void>;
}

/**
 * Starts the trusted side both shells share: the embedded sandbox on a random loopback port
 * (the built-in profile, so the console works with no credentials), the vault and the handlers.
 *
 * The embedded sandbox gets random credentials on every launch, known only to the built-in
 * profile: any web page the operator visits can reach a loopback port, and with the public
 * defaults (`sandbox-key` / `sandbox-secret`, which the standalone `npm run sandbox` keeps) it
 * could issue tokens and spend decode time in the console's own process.
 */
export async function startConsoleApp(options: ConsoleAppOptions): Promise<ConsoleApp> {
  // Owner-only before anything is read or written; what had to be narrowed is logged below.
  const tightened = securePrivateData(options.dataDir);
  const credentials = { apiKey: `sandbox-${randomBytes(8).toString('hex')}`, apiSecret: randomBytes(24).toString('base64url') };
  // In a worker thread: a saturated sandbox must not delay the console's own API (issue #13).
  const start = options.sandboxThread === 'inline' ? startInProcessSandbox : startEmbeddedSandbox;
  const sandbox = await start({ host: '127.0.0.1', port: 0, ...credentials, log: (line) => options.log?.(line) });
  try {
    const cipher = options.cipher ?? keyFileCipher(options.dataDir);
    const vault = await Vault.open({
      dataDir: options.dataDir,
      cipher,
      storeFactory: options.storeFactory,
      // The sandbox itself: its base URL is read live (a restarted worker may take another port).
      sandbox,
    });
    // The team password sits beside the API secrets and is redacted with them everywhere.
    const teamConfig = TeamConfigStore.open(options.dataDir, cipher, options.storeFactory);
    const secrets = () => [...vault.knownSecrets(), ...teamConfig.knownSecrets()];
    // Every log line passes the one redaction, whatever a handler put in it.
    const sink = options.log;
    const log = sink ? (line: string) => sink(redactText(line, secrets())) : undefined;
    // The embedded sandbox runs in the mode the operator last chose for the built-in profile.
    await sandbox.setLenient(vault.sandboxLenient());
    const settings = SettingsStore.open(options.dataDir, options.storeFactory);
    for (const t of tightened) log?.(`data folder: ${describeTightened(t)}`);
    const history = HistoryStore.open(join(options.dataDir, 'history.sqlite3'), {
      redact: redactorOf(secrets),
      nativeBinding: options.sqliteBinding,
    });
    if (options.ownsHistory !== false) {
      const interrupted = history.markInterrupted(Date.now());
      if (interrupted > 0) log?.(`history: ${interrupted} call(s) interrupted by the last shutdown recorded as unknown outcome`);
      history.applyRetention(settings.get(), Date.now());
    }
    // Rows from before the boundary redaction may still hold an echoed secret: rewritten once per
    // launch, in batches that yield, over every secret the vault can read (docs/architecture.md).
    const scrubbed =
      options.ownsHistory === false
        ? Promise.resolve()
        : vault
            .readableSecrets()
            .then((known) => history.scrubSecrets([...known, ...teamConfig.knownSecrets()]))
            .then(
              (n) => void (n > 0 && log?.(`history: ${n} stored call(s) still held a known secret; it is now redacted`)),
              (e: unknown) => log?.(`history: the secret scrub stopped: ${e instanceof Error ? e.message : String(e)}`),
            );
    // Publishes to the bank's PostgreSQL only once the operator enabled it; SQLite stays the record.
    const team = new TeamService({ config: teamConfig, history, redact: redactorOf(secrets), keepPhotos: () => settings.get().keepPhotos });
    // Only the process that owns the history runs the background publisher (and its read-back of
    // results into local rows); a CLI command publishes what it wrote once, before it exits.
    if (options.ownsHistory !== false) team.start();
    // Nothing starts until the first photo is checked (the worker loads the model then).
    const precheck = createPhotoAnalyser();
    const {
      table: handlers,
      fetchResult,
      downloads,
    } = buildHandlers({
      precheck,
      vault,
      history,
      settings,
      log,
      sandbox,
      team,
      photoStage: options.photoStage,
      timeoutMs: options.timeoutMs,
      recordPrinter: options.recordPrinter,
      exportSaver: options.exportSaver,
    });
    // The embedded sandbox tells when a customer finished: fetch that result once and store it,
    // as a notify_url receiver would prompt a real integration to ('auto': no operator fault applies).
    sandbox.onFlowEnded((e) => {
      const row = history.findByBizId(e.biz_id);
      if (row) void fetchResult(row.id, 'auto').then((r) => !r.ok && log?.(`auto-fetch of ${e.biz_id} failed: ${r.error.message}`));
    });
    return {
      handlers,
      downloads,
      dataDir: options.dataDir,
      sandbox,
      vault,
      history,
      log: log ?? (() => {}),
      publishOnce: () => team.publishOnce(),
      close: async () => {
        await team.stop();
        await scrubbed;
        history.close();
        await precheck.close();
        await sandbox.close();
      },
    };
  } catch (e) {
    await sandbox.close();
    throw e;
  }
}
