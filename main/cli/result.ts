/** `result` and `verify-callback`: reading what a verification said, through the app's handlers. */
import { readFileSync } from 'node:fs';
import { readVerification, type VerificationData } from '../../core/faceid/verification';
import { chooseProfile, type CliContext } from './context';
import { EXIT, UsageError, type ExitCode } from './output';

/** `faceid-console result BIZ_ID`: get_result for a call of this history, stored in its row. */
export async function resultCommand(ctx: CliContext, bizId: string): Promise<ExitCode> {
  const row = ctx.app.history.findByBizId(bizId);
  if (!row) throw new UsageError(`result ${bizId}: no issued call with that biz_id in this console's history.`);
  const r = await ctx.app.handlers.fetchResult({ historyId: row.id });
  if (!r.ok) {
    ctx.out.data({ error: r.error });
    ctx.out.note(`${r.error.code}: ${ctx.out.errorText(r.error)}`);
    return EXIT.failed;
  }
  const result = r.value.result;
  ctx.out.data({ historyId: row.id, bizNo: row.bizNo, bizId, result });
  if (!result) {
    ctx.out.line('No result stored.');
    return EXIT.failed;
  }
  const reading = readVerification(result.data as unknown as VerificationData);
  ctx.out.line(`${ctx.out.say(reading.headline)}  (history #${row.id}, biz_no ${row.bizNo}, answer ${result.fetches} of 3)`);
  for (const line of reading.lines) ctx.out.line(`  ${ctx.out.say(line)}`);
  return EXIT.ok;
}

function readData(spec: string): string {
  if (spec === '-') return readFileSync(0, 'utf8');
  if (spec.startsWith('@')) {
    try {
      return readFileSync(spec.slice(1), 'utf8');
    } catch (e) {
      throw new UsageError(`--data ${spec}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
    }
  }
  return spec;
}

/**
 * `faceid-console verify-callback`. A signature that does not match leaves the payload an untrusted
 * claim: it is printed as such, with no verdict, never as a verification outcome.
 */
export async function verifyCallbackCommand(ctx: CliContext, args: { data?: string; sign?: string; profile?: string }): Promise<ExitCode> {
  if (args.data === undefined || args.sign === undefined) throw new UsageError('verify-callback needs --data and --sign.');
  const profile = await chooseProfile(ctx, args.profile);
  const data = readData(args.data);
  const r = await ctx.app.handlers.verifyCallback({ profileId: profile.id, data, sign: args.sign.trim() });
  if (!r.ok) {
    ctx.out.data({ error: r.error });
    ctx.out.note(`${r.error.code}: ${ctx.out.errorText(r.error)}`);
    return EXIT.failed;
  }
  const c = r.value;
  ctx.out.data(c.valid ? c : { ...c, decoded: undefined, untrustedClaim: c.decoded });
  if (c.valid) {
    ctx.out.line(`Signature valid: ${ctx.out.say(c.words)}`);
    if (c.decoded && typeof c.decoded === 'object') {
      const reading = readVerification(c.decoded as VerificationData);
      ctx.out.line(ctx.out.say(reading.headline));
      for (const line of reading.lines) ctx.out.line(`  ${ctx.out.say(line)}`);
    }
  } else {
    ctx.out.line(`Signature NOT valid: ${ctx.out.say(c.words)}`);
    ctx.out.line('Untrusted claim (the payload as sent, not verified; do not act on it):');
    ctx.out.line(c.decodeError ? ctx.out.say(c.decodeError) : JSON.stringify(c.decoded, null, 2));
  }
  if (c.decodeError && c.valid) ctx.out.note(ctx.out.say(c.decodeError));
  return c.valid ? EXIT.ok : EXIT.failed;
}
