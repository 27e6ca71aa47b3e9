/**
 * `npm run bench`: performance figures, printed (never asserted in tests).
 * `npm run bench -- --json` prints one JSON object on stdout instead.
 */
import { benchHistory, type HistoryFigures } from './history';
import { benchTeam, type TeamFigures } from './team';
import { pgUnavailable } from '../test/support/pg-cluster';

const TARGETS: Record<keyof HistoryFigures, number> = { insert_ms: 1, search_biz_id_ms: 20, search_biz_no_prefix_ms: 20, first_page_ms: 50 };

const json = process.argv.includes('--json');
const sizes = [1000, 100_000] as const;
const history: Record<string, HistoryFigures> = {};
for (const size of sizes) {
  if (!json) process.stdout.write(`history: ${size} rows…\n`);
  history[String(size)] = benchHistory(size);
}

// The team history at a million rows, on a private PostgreSQL cluster (skipped without one).
const teamWhy = pgUnavailable();
let team: TeamFigures | { skipped: string };
if (teamWhy) team = { skipped: teamWhy };
else {
  if (!json) process.stdout.write('team history: generating 1,000,000 rows in PostgreSQL…\n');
  team = await benchTeam(1_000_000);
}

if (json) {
  process.stdout.write(`${JSON.stringify({ history, team })}\n`);
} else {
  const small = history['1000'];
  const large = history['100000'];
  process.stdout.write('\nhistory (medians, ms)          1,000 rows   100,000 rows   ratio   target\n');
  for (const key of Object.keys(TARGETS) as (keyof HistoryFigures)[]) {
    const a = small?.[key] ?? 0;
    const b = large?.[key] ?? 0;
    const ratio = a > 0 ? b / a : 0;
    const ok = b <= TARGETS[key] && ratio <= 1.5 ? 'ok' : 'MISSED';
    process.stdout.write(`  ${key.padEnd(26)} ${a.toFixed(4).padStart(10)}   ${b.toFixed(4).padStart(12)}   ${ratio.toFixed(2).padStart(5)}   ≤ ${TARGETS[key]} ms, ratio ≤ 1.5: ${ok}\n`);
  }
  if ('skipped' in team) process.stdout.write(`\nteam history: skipped (${team.skipped})\n`);
  else {
    process.stdout.write(`\nteam history at ${team.rows} rows (generated and indexed in ${team.generate_s} s; medians, ms; target ≤ 50)\n`);
    for (const [key, v] of Object.entries(team)) if (key.endsWith('_ms')) process.stdout.write(`  ${key.padEnd(28)} ${String(v).padStart(8)}   ${Number(v) <= 50 ? 'ok' : 'MISSED'}\n`);
  }
}
