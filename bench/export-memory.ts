/**
 * Memory of a history export at 100,000 rows: the streamed export (writeExport into a file, as
 * saveHistoryExport and the download ticket do) against building the whole text first (what the
 * bridge used to carry). Heap and RSS are sampled every 20 ms while each runs, after a GC.
 *
 *   node --expose-gc --import tsx bench/export-memory.ts [--rows 100000] [--json]
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { toCsv, writeExport } from '../main/history/export';
import { HistoryStore } from '../main/history/store';
import { redactorOf } from '../main/vault/redact';
import { syntheticEnd, syntheticStart } from '../test/support/history-rows';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, json: { type: 'boolean', default: false } } });
const ROWS = Number(values.rows);
const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function peakDuring(task: () => Promise<unknown>): Promise<{ heapMb: number; rssMb: number }> {
  gc();
  const base = process.memoryUsage();
  let heap = base.heapUsed;
  let rss = base.rss;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
  }, 20);
  await task();
  const m = process.memoryUsage();
  clearInterval(timer);
  heap = Math.max(heap, m.heapUsed);
  rss = Math.max(rss, m.rss);
  return { heapMb: Math.round(((heap - base.heapUsed) / MB) * 10) / 10, rssMb: Math.round(((rss - base.rss) / MB) * 10) / 10 };
}

const dir = mkdtempSync(join(tmpdir(), 'faceid-export-bench-'));
try {
  const store = HistoryStore.open(join(dir, 'history.sqlite3'), { redact: redactorOf(() => ['bench-secret-0001']) });
  const t0 = Date.UTC(2026, 0, 1);
  for (let n = 1; n <= ROWS; n++) {
    store.begin(syntheticStart(n, t0 + n * 1000));
    store.complete(syntheticStart(n, t0 + n * 1000).callId, syntheticEnd(n, t0 + n * 1000 + 20));
  }
  const now = t0 + ROWS * 1000;
  const file = join(dir, 'export.csv');
  const started = performance.now();
  const streamed = await peakDuring(() => writeExport(store.iterate({}, now), 'csv', now, createWriteStream(file)));
  const streamMs = Math.round(performance.now() - started);
  const size = statSync(file).size;
  let length = 0;
  const whole = await peakDuring(async () => {
    length = toCsv(store.iterate({}, now), now).length;
  });
  store.close();
  const figures = {
    rows: ROWS,
    file_mb: Math.round((size / MB) * 10) / 10,
    streamed_peak_heap_mb: streamed.heapMb,
    streamed_peak_rss_mb: streamed.rssMb,
    streamed_ms: streamMs,
    whole_string_peak_heap_mb: whole.heapMb,
    whole_string_peak_rss_mb: whole.rssMb,
    whole_string_chars: length,
  };
  if (values.json) console.log(JSON.stringify(figures));
  else for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(28)} ${v}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
