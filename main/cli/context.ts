/**
 * What every CLI command opens: the app's own data folder, vault and history (a call made here
 * appears in the app's history), without taking the history over from a running app.
 */
import type { ProfileSummary } from '../../core/api';
import { startConsoleApp, type ConsoleApp } from '../app/console-app';
import { resolveDataDir } from '../app/data-dir';
import { SANDBOX_PROFILE_ID } from '../vault/profiles';
import { UsageError, type Out } from './output';

export interface CliContext {
  app: ConsoleApp;
  out: Out;
}

/** Opens the console's trusted side for one command. */
export async function openContext(dataDir: string | undefined, out: Out, timeoutMs?: number): Promise<CliContext> {
  // One command, then exit: the built-in sandbox stays on this thread (no worker to start).
  const app = await startConsoleApp({ dataDir: dataDir ?? resolveDataDir(), ownsHistory: false, timeoutMs, sandboxThread: 'inline' });
  return { app, out };
}

/**
 * The profile a command names (by id, or by name in any letter case), else the active one. With
 * FACEID_API_SECRET set, that secret is used for it in this process only (never stored): the
 * desktop shell seals secrets with the OS keychain, which a plain Node process cannot open. The
 * built-in sandbox profile keeps its own per-launch secret.
 */
export async function chooseProfile(ctx: CliContext, wanted: string | undefined): Promise<ProfileSummary> {
  const profiles = await ctx.app.vault.list();
  const id = wanted ?? ctx.app.vault.activeProfileId();
  const found = profiles.find((p) => p.id === id) ?? profiles.find((p) => p.name.toLowerCase() === id.toLowerCase());
  if (!found) throw new UsageError(`--profile: no profile "${id}"; known: ${profiles.map((p) => `${p.name} (${p.id})`).join(', ')}.`);
  const secret = process.env.FACEID_API_SECRET;
  if (secret && found.id !== SANDBOX_PROFILE_ID) ctx.app.vault.useSessionSecret(found.id, secret);
  return found;
}
