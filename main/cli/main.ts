/**
 * `faceid-console`: the console's CLI for reproductions and scripts — a third thin shell over the
 * same handler table, data folder, vault and history as the app (see usage.ts for the commands).
 * A program entry (electron-vite bundles it as out/main/cli.js; bin/faceid-console.mjs runs it).
 */
import { parseArgs } from 'node:util';
import { faceidParagraph } from '../../core/faceid/messages';
import { isLocale, type Locale } from '../../core/i18n/locales';
import { teamErrorText } from '../../core/team-messages';
import { VaultError } from '../vault/vault';
import { runSandboxProgram } from '../sandbox/run';
import { teamCli } from '../team/cli';
import { openContext, type CliContext } from './context';
import { exportCommand, searchCommand } from './history';
import { EXIT, UsageError, localeOf, processOut, type ExitCode } from './output';
import { resultCommand, verifyCallbackCommand } from './result';
import { replayCommand, tokenCommand } from './token';
import { USAGE } from './usage';

const COMMON = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
const CALL = {
  profile: { type: 'string' },
  set: { type: 'string', multiple: true },
  photo: { type: 'string', multiple: true },
  timeout: { type: 'string' },
} as const;

const OPTIONS = {
  token: { ...COMMON, ...CALL },
  replay: { ...COMMON, ...CALL, 'keep-biz-no': { type: 'boolean' } },
  result: { ...COMMON },
  'verify-callback': { ...COMMON, data: { type: 'string' }, sign: { type: 'string' }, profile: { type: 'string' } },
  history: {
    ...COMMON,
    limit: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    search: { type: 'string' },
    scope: { type: 'string' },
  },
} as const;
type Command = keyof typeof OPTIONS;
const isCommand = (c: string | undefined): c is Command => c !== undefined && Object.hasOwn(OPTIONS, c);

function timeoutOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 100 || ms > 600_000)
    throw new UsageError(`--timeout ${text}: milliseconds, a whole number from 100 to 600000.`);
  return ms;
}

async function run(command: Command, argv: string[]): Promise<ExitCode> {
  const { values: v, positionals: pos } = parseArgs({ args: argv, options: OPTIONS[command], allowPositionals: true, strict: true });
  const values = v as Record<string, string | string[] | boolean | undefined>;
  const text = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const list = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : []);
  if (values.help) {
    process.stdout.write(USAGE[command] ?? USAGE.main ?? '');
    return EXIT.ok;
  }
  const expect = (n: number, what: string) => {
    if (pos.length !== n)
      throw new UsageError(`${command}: expected ${what}${pos.length > n ? `, not also "${pos.slice(n).join(' ')}"` : ''}.`);
  };
  if (command === 'token') expect(0, 'no positional argument');
  else if (command === 'replay') expect(1, 'one history id or biz_no');
  else if (command === 'result') expect(1, 'one biz_id');
  else if (command === 'verify-callback') expect(0, 'no positional argument');
  else if (pos[0] === 'search') expect(2, 'history search TEXT');
  else if (pos[0] === 'export') expect(1, 'history export [options]');
  else throw new UsageError(`history: expected "search TEXT" or "export"${pos[0] ? `, not "${pos[0]}"` : ''}.`);

  const out = processOut(Boolean(values.json), localeOf(text('lang')));
  const ctx: CliContext = await openContext(text('data-dir'), out, timeoutOf(text('timeout')));
  try {
    const call = { profile: text('profile'), set: list('set'), photo: list('photo') };
    switch (command) {
      case 'token':
        return await published(ctx, await tokenCommand(ctx, call));
      case 'replay':
        return await published(ctx, await replayCommand(ctx, { ...call, target: pos[0] ?? '', keepBizNo: Boolean(values['keep-biz-no']) }));
      case 'result':
        return await published(ctx, await resultCommand(ctx, pos[0] ?? ''));
      case 'verify-callback':
        return await verifyCallbackCommand(ctx, { data: text('data'), sign: text('sign'), profile: text('profile') });
      case 'history':
        return pos[0] === 'search'
          ? await searchCommand(ctx, pos[1] ?? '', text('limit'), text('scope'))
          : await exportCommand(ctx, { format: text('format'), out: text('out'), search: text('search') });
    }
  } finally {
    await ctx.app.close();
  }
}

/**
 * After a command that wrote to the history: what it wrote goes to the team history now, once (the
 * CLI runs no background publisher). What could not be sent stays in the outbox for the app, and
 * the note says so; the command's own exit code stands.
 */
async function published(ctx: CliContext, code: ExitCode): Promise<ExitCode> {
  const pass = await ctx.app.publishOnce();
  if (pass && pass.waiting > 0) {
    // The team error in --lang, as the app's panel words it; the code stays for a search.
    const why = pass.error
      ? `${pass.error.code}: ${teamErrorText(pass.error.code, pass.error.params, ctx.out.locale)} `
      : pass.readOnly
        ? 'This is a read-only team login until the DBA maps it in faceid_team.desks. '
        : '';
    ctx.out.note(`team history: ${pass.waiting} call(s) wait to publish. ${why}The console publishes them when it runs.`);
  }
  return code;
}

/** The `--lang` of an argument list, read leniently (English when absent or not a locale), for a failure's last words. */
function langIn(args: readonly string[]): Locale {
  const at = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = at < 0 ? undefined : args[at]?.includes('=') ? args[at]?.slice('--lang='.length) : args[at + 1];
  return value !== undefined && isLocale(value) ? value : 'en';
}

async function main(argv: string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE.main ?? '');
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === 'sandbox') return runSandboxProgram(rest, 'faceid-console sandbox');
  if (command === 'team')
    return teamCli(rest, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), env: process.env });
  if (!isCommand(command)) {
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE.main ?? ''}`);
    return EXIT.usage;
  }
  try {
    return await run(command, rest);
  } catch (e) {
    const usage = e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (usage) {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE[command] ?? ''}`);
      return EXIT.usage;
    }
    // A refusal worded by reference (the vault's) reads in the --lang asked for, as the command's own output would.
    const reason = e instanceof VaultError ? faceidParagraph(e.words, langIn(rest)) : e instanceof Error ? e.message : String(e);
    process.stderr.write(`faceid-console ${command} failed: ${reason}\n`);
    return EXIT.failed;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`faceid-console failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = EXIT.failed;
  },
);
