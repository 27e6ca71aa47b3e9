/** `history search` and `history export`: the app's history from a shell. */
import { createWriteStream } from 'node:fs';
import { displayStatus } from '../../core/history';
import { teamErrorText } from '../../core/team-messages';
import { ensurePrivateFile } from '../app/private-files';
import { writeExport, type ExportFormat } from '../history/export';
import type { CliContext } from './context';
import { EXIT, UsageError, type ExitCode } from './output';

const SCOPES = ['desk', 'branch', 'all'] as const;

/**
 * `faceid-console history search TEXT [--scope desk|branch|all]`: newest first, through the app's
 * own queryHistory operation — this desk's history, or the team store under the desk's role.
 */
export async function searchCommand(ctx: CliContext, text: string, limitText = '50', scopeText = 'desk'): Promise<ExitCode> {
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError(`--limit ${limitText}: a whole number from 1 to 500.`);
  const scope = SCOPES.find((s) => s === scopeText);
  if (!scope) throw new UsageError(`--scope ${scopeText}: desk, branch or all.`);
  const now = Date.now();
  const answer = await ctx.app.handlers.queryHistory({ filter: scope === 'desk' ? { text } : { text, scope }, limit });
  if (!answer.ok) {
    // Team errors are codes with parameters, worded here as the app words them, in --lang.
    const e = answer.error;
    const words = e.code.startsWith('TEAM_') && !e.words ? teamErrorText(e.code, e.params, ctx.out.locale) : ctx.out.errorText(e);
    ctx.out.note(`history search --scope ${scope}: ${e.code} ${words}`);
    return EXIT.failed;
  }
  const page = answer.value;
  ctx.out.data(page);
  ctx.out.line(
    `${page.total}${page.totalCapped ? '+' : ''} call(s) match "${text}"${scope === 'desk' ? '' : ` (scope ${scope})`}${page.next ? `; the newest ${page.rows.length} shown` : ''}`,
  );
  for (const r of page.rows) {
    const when = new Date(r.startedAt).toISOString().replace('T', ' ').slice(0, 19);
    const cells = [
      `#${r.id}`,
      when,
      displayStatus(r, now),
      r.desk !== undefined ? `${r.branch ?? ''}/${r.desk}` : r.profileName,
      `biz_no=${r.bizNo}`,
      `uuid=${r.uuid}`,
    ];
    if (r.bizId) cells.push(`biz_id=${r.bizId}`);
    if (r.errorCode) cells.push(r.errorCode);
    if (r.verdict) cells.push(`verdict=${r.verdict}`);
    if (r.clonedFrom) cells.push(`cloned from #${r.clonedFrom}`);
    ctx.out.line(cells.join('  '));
  }
  return EXIT.ok;
}

/** `faceid-console history export`: streamed row by row to a file (owner-only) or stdout. */
export async function exportCommand(ctx: CliContext, args: { format?: string; out?: string; search?: string }): Promise<ExitCode> {
  const format = (args.format ?? 'csv') as ExportFormat;
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format ${args.format}: csv or json.`);
  const now = Date.now();
  const rows = ctx.app.history.iterate(args.search ? { text: args.search } : {}, now);
  if (args.out) ensurePrivateFile(args.out);
  const stream = args.out ? createWriteStream(args.out, { flags: 'w', mode: 0o600 }) : process.stdout;
  const count = await writeExport(rows, format, now, stream, { end: Boolean(args.out) });
  if (args.out) ctx.out.note(`${count} call(s) written to ${args.out}`);
  return EXIT.ok;
}
