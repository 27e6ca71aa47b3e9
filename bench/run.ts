/**
 * `npm run bench`: performance figures, printed (never asserted in tests).
 * `npm run bench -- --json` prints one JSON object on stdout instead.
 */
import { benchHistory, type HistoryFigures } from './history';
import { benchPrecheck } from './precheck';

const TARGETS: Record<keyof HistoryFigures, number> = { insert_ms: 1, search_biz_id_ms: 20, search_biz_no_prefix_ms: 20, first_page_ms: 50 };

const json = process.argv.includes('--json');
const sizes = [1000, 100_000] as const;
const history: Record<string, HistoryFigures> = {};
for (const size of sizes) {
  if (!json) process.stdout.write(`history: ${size} rows…\n`);
  history[String(size)] = benchHistory(size);
}

if (!json) process.stdout.write('photo pre-check: the labelled fixture set…\n');
const precheck = await benchPrecheck();

if (json) {
  process.stdout.write(`${JSON.stringify({ history, precheck })}\n`);
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
  const p = precheck;
  process.stdout.write(`\nphoto pre-check (${p.photos} photos, load average ${p.load_average} on ${p.cores} cores)\n`);
  process.stdout.write(`  model load ${p.model_load_ms} ms, first photo ${p.first_photo_ms} ms (target ≤ 1500 ms): ${p.first_photo_ms <= 1500 ? 'ok' : 'MISSED'}\n`);
  process.stdout.write(`  per photo after load: median ${p.median_ms} ms, p90 ${p.p90_ms} ms, max ${p.max_ms} ms (target ≤ 300 ms): ${p.median_ms <= 300 ? 'ok' : 'MISSED'}\n`);
  process.stdout.write(`  ${p.one_pass} settled upright in one pass (median ${p.one_pass_median_ms} ms); ${p.photos - p.one_pass} tried every turn (median ${p.four_pass_median_ms} ms)\n`);
}
