/**
 * `npm run bench`: performance figures, printed (never asserted in tests).
 * `npm run bench -- --json` prints one JSON object on stdout instead.
 */
import { benchHistory, type HistoryFigures } from './history';

const TARGETS: Record<keyof HistoryFigures, number> = { insert_ms: 1, search_biz_id_ms: 20, search_biz_no_prefix_ms: 20, search_substring_ms: 20, search_substring_broad_ms: 20, first_page_ms: 50 };
/**
 * Figures that must not grow with the history (index lookups of one row, the first page). Text
 * searches run on the trigram index, whose cost grows with how common the word's trigrams are
 * (every biz_id shares "-4000-8000-"): for them the bound is the absolute target alone.
 */
const FLAT = new Set<keyof HistoryFigures>(['insert_ms', 'first_page_ms']);

const json = process.argv.includes('--json');
const sizes = [1000, 100_000] as const;
const history: Record<string, HistoryFigures> = {};
for (const size of sizes) {
  if (!json) process.stdout.write(`history: ${size} rows…\n`);
  history[String(size)] = benchHistory(size);
}

if (json) {
  process.stdout.write(`${JSON.stringify({ history })}\n`);
} else {
  const small = history['1000'];
  const large = history['100000'];
  process.stdout.write('\nhistory (medians, ms)            1,000 rows   100,000 rows   ratio   target\n');
  for (const key of Object.keys(TARGETS) as (keyof HistoryFigures)[]) {
    const a = small?.[key] ?? 0;
    const b = large?.[key] ?? 0;
    const ratio = a > 0 ? b / a : 0;
    const flat = FLAT.has(key);
    const ok = b <= TARGETS[key] && (!flat || ratio <= 1.5) ? 'ok' : 'MISSED';
    process.stdout.write(`  ${key.padEnd(26)} ${a.toFixed(4).padStart(10)}   ${b.toFixed(4).padStart(12)}   ${ratio.toFixed(2).padStart(5)}   ≤ ${TARGETS[key]} ms${flat ? ', ratio ≤ 1.5' : ''}: ${ok}\n`);
  }
}
