/**
 * `npm run bench`: performance figures, printed (never asserted in tests).
 * `npm run bench -- --json` prints one JSON object on stdout instead;
 * `--only history,precheck,team,overhead,sandbox,start` runs some of the parts.
 */
import { benchHistory, type HistoryFigures } from './history';
import { benchOverhead, type OverheadFigures } from './overhead';
import { benchConsoleWhileSaturated, benchSandboxScale, saturatedReport } from './sandbox-load';
import { benchStart } from './start';
import { benchTeam, type TeamFigures } from './team';
import { pgUnavailable } from '../test/support/pg-cluster';
import { benchPrecheck } from './precheck';

const TARGETS: Record<keyof HistoryFigures, number> = {
  insert_ms: 1,
  search_biz_id_ms: 20,
  search_biz_no_prefix_ms: 20,
  search_substring_ms: 20,
  search_substring_broad_ms: 20,
  first_page_ms: 50,
};
/**
 * Figures that must not grow with the history (index lookups of one row, the first page). Text
 * searches run on the trigram index, whose cost grows with how common the word's trigrams are
 * (every biz_id shares "-4000-8000-"): for them the bound is the absolute target alone.
 */
const FLAT = new Set<keyof HistoryFigures>(['insert_ms', 'first_page_ms']);

const json = process.argv.includes('--json');
const onlyArg = process.argv.find((a) => a.startsWith('--only'));
const only = onlyArg
  ? new Set((onlyArg.includes('=') ? onlyArg.split('=')[1] : process.argv[process.argv.indexOf(onlyArg) + 1])?.split(','))
  : undefined;
const wanted = (part: string) => !only || only.has(part);
const say = (line: string) => !json && process.stdout.write(`${line}\n`);
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const report: Record<string, unknown> = {};

if (wanted('history')) {
  const history: Record<string, HistoryFigures> = {};
  for (const size of [1000, 100_000]) {
    say(`history: ${size} rows…`);
    history[String(size)] = benchHistory(size);
  }
  report.history = history;
  const small = history['1000'];
  const large = history['100000'];
  say('\nhistory (medians, ms)            1,000 rows   100,000 rows   ratio   target');
  for (const key of Object.keys(TARGETS) as (keyof HistoryFigures)[]) {
    const a = small?.[key] ?? 0;
    const b = large?.[key] ?? 0;
    const ratio = a > 0 ? b / a : 0;
    const flat = FLAT.has(key);
    say(
      `  ${key.padEnd(26)} ${a.toFixed(4).padStart(10)}   ${b.toFixed(4).padStart(12)}   ${ratio.toFixed(2).padStart(5)}   ≤ ${TARGETS[key]} ms${flat ? ', ratio ≤ 1.5' : ''}: ${verdict(b <= TARGETS[key] && (!flat || ratio <= 1.5))}`,
    );
  }
}

if (wanted('precheck')) {
  say('\nphoto pre-check: the labelled fixture set…');
  const p = await benchPrecheck();
  report.precheck = p;
  say(`photo pre-check (${p.photos} photos, load average ${p.load_average} on ${p.cores} cores)`);
  say(`  model load ${p.model_load_ms} ms, first photo ${p.first_photo_ms} ms (target ≤ 1500 ms): ${verdict(p.first_photo_ms <= 1500)}`);
  report.precheck_ms = {
    median: p.median_ms,
    p90: p.p90_ms,
    p95: p.p95_ms,
    cpu_median: p.cpu_median_ms,
    cpu_p90: p.cpu_p90_ms,
    cpu_p95: p.cpu_p95_ms,
    model_load: p.model_load_ms,
    first_photo: p.first_photo_ms,
  };
  say(
    `  per photo after load: median ${p.median_ms} ms, p90 ${p.p90_ms} ms, p95 ${p.p95_ms} ms, max ${p.max_ms} ms (target ≤ 300 ms): ${verdict(p.median_ms <= 300)}`,
  );
  say(
    `  CPU time per photo (whole process, little moved by other load): median ${p.cpu_median_ms} ms, p90 ${p.cpu_p90_ms} ms, p95 ${p.cpu_p95_ms} ms`,
  );
  say(
    `  by detector passes: ${Object.entries(p.by_passes)
      .map(([n, g]) => `${n} pass${n === '1' ? '' : 'es'} ${g.photos} photos, median ${g.median_ms} ms`)
      .join('; ')}`,
  );
}

if (wanted('team')) {
  // The team history at a million rows, on a private PostgreSQL cluster (skipped without one).
  const teamWhy = pgUnavailable();
  let team: TeamFigures | { skipped: string };
  if (teamWhy) team = { skipped: teamWhy };
  else {
    say('\nteam history: generating 1,000,000 rows in PostgreSQL…');
    team = await benchTeam(1_000_000);
  }
  report.team = team;
  if ('skipped' in team) say(`\nteam history: skipped (${team.skipped})`);
  else {
    say(`\nteam history at ${team.rows} rows (generated and indexed in ${team.generate_s} s; medians, ms; target ≤ 50)`);
    for (const [key, v] of Object.entries(team))
      if (key.endsWith('_ms')) say(`  ${key.padEnd(28)} ${String(v).padStart(8)}   ${verdict(Number(v) <= 50)}`);
  }
}

if (wanted('overhead')) {
  say('\nget_token_overhead: 2 × ~1.9 MB JPEG against a bare loopback upstream, medians of 15 interleaved pairs…');
  const o = await benchOverhead(15);
  report.get_token_overhead = o;
  const line = (label: string, f: OverheadFigures, target?: number) =>
    say(
      `  ${label.padEnd(30)} console ${f.console_ms.toFixed(2).padStart(7)} ms   curl ${f.curl_ms.toFixed(2).padStart(7)} ms   ratio ${f.ratio.toFixed(2)}${target ? `   ≤ ${target}: ${verdict(f.ratio <= target)}` : ''}`,
    );
  line('handler table, 2 photos', o.handler_table.photos, 1.1);
  line('handler table, liveness only', o.handler_table.liveness_only);
  line('browser shell, 2 photos', o.browser_shell.photos, 1.25);
  line('browser shell, liveness only', o.browser_shell.liveness_only);
  const d = o.downscale;
  say(
    `  downscale to fit (trusted side) ${(d.source_bytes / 1e6).toFixed(1)} MB → ${(d.fitted_bytes / 1e6).toFixed(2)} MB in ${d.downscale_ms} ms (median of ${d.runs})`,
  );
}

if (wanted('sandbox')) {
  say('\nsandbox at 50 connections (autocannon), then up to 100,000 tokens…');
  const scale = await benchSandboxScale(true);
  say('console API while its embedded sandbox is saturated…');
  const sat = await benchConsoleWhileSaturated();
  report.sandbox = { ...scale, ...saturatedReport(sat) };
  report.console_p99_under_sandbox_load_ms = sat.p99;
  say(`  get_token, liveness only         ${scale.liveness_req_per_s} req/s   ≥ 2000: ${verdict(scale.liveness_req_per_s >= 2000)}`);
  say(
    `  get_token, one ${Math.round(scale.photo_bytes / 1000)} KB photo       ${scale.photo_req_per_s} req/s   ≥ 300: ${verdict(scale.photo_req_per_s >= 300)}`,
  );
  say(
    `  after ${scale.tokens_issued} tokens, full GC   RSS ${scale.rss_mb_after_100k_tokens} MB, heap ${scale.heap_mb_after_100k_tokens} MB, ${scale.tokens_kept} tokens kept`,
  );
  say(
    `  console API while the sandbox (worker thread) is saturated at ${sat.rps} req/s: p99 ${sat.p99} ms   ≤ 50: ${verdict(sat.p99 <= 50)}   (sandbox idle: p99 ${sat.idleP99} ms)`,
  );
  for (const [label, f] of [
    ['browser shell listProfiles', sat.shellListProfiles],
    ['browser shell queryHistory', sat.shellQueryHistory],
    ['handler table listProfiles', sat.handlerListProfiles],
    ['handler table queryHistory', sat.handlerQueryHistory],
  ] as const) {
    say(`    ${label.padEnd(28)} p99 ${f.p99} ms, median ${f.median} ms (${f.samples} calls)`);
  }
}

if (wanted('start')) {
  say('\nstart-to-usable without the Electron binary…');
  const s = await benchStart();
  report.start = s;
  say(`  npm start (build + browser shell)  usable in ${s.npm_start.usable_ms} ms (URL printed at ${s.npm_start.url_printed_ms} ms)`);
  say(`  built browser shell alone          usable in ${s.built_shell.usable_ms} ms`);
}

if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
