/**
 * `faceid-console team init [--apply] [--host H] [--port P] [--database D] [--user U]`: prints the
 * team schema's SQL, or applies it. The password is read from $PGPASSWORD (never an argument, which
 * other users could read in the process list). Returns the exit code; `run` is injectable so the
 * CLI h8 builds can mount it as a subcommand: `team: (argv) => teamCli(argv, io)`.
 */
import { parseArgs } from 'node:util';
import { teamErrorOf } from './errors';
import { applyTeamInit, teamInitSql } from './init';

export interface TeamCliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const USAGE = 'usage: faceid-console team init [--apply] [--host H] [--port P] [--database D] [--user U]  (password from $PGPASSWORD)';

export async function teamCli(argv: string[], io: TeamCliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        apply: { type: 'boolean' },
        host: { type: 'string' },
        port: { type: 'string' },
        database: { type: 'string' },
        user: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (positionals[0] !== 'init' || positionals.length > 1) {
    io.err(`unknown team command: ${positionals.join(' ') || '(none)'}\n${USAGE}\n`);
    return 2;
  }
  if (!values.apply) {
    io.out(teamInitSql());
    return 0;
  }
  const port = values.port === undefined ? Number(io.env.PGPORT ?? 5432) : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    io.err(`--port must be a whole number from 1 to 65535, not "${values.port}"\n`);
    return 2;
  }
  try {
    await applyTeamInit({
      host: values.host ?? io.env.PGHOST ?? 'localhost',
      port,
      database: values.database ?? io.env.PGDATABASE ?? 'faceid',
      user: values.user ?? io.env.PGUSER,
      password: io.env.PGPASSWORD,
    });
  } catch (e) {
    const t = teamErrorOf(e);
    io.err(`team init failed: ${t.code}${Object.keys(t.params).length ? ` ${JSON.stringify(t.params)}` : ''}\n`);
    return 1;
  }
  io.out('team schema applied\n');
  return 0;
}
