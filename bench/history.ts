/**
 * History benchmark: for a database of N rows, the median time to insert one call (the row written
 * before the request plus its completion), to search by biz_id, by a biz_no prefix and by a fragment
 * anywhere (the trigram index), and to get the first page of the list.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { HistoryStore } from '../main/history/store';
import { redactorOf } from '../main/vault/redact';
import { syntheticEnd, syntheticStart } from '../test/support/history-rows';

export interface HistoryFigures {
  insert_ms: number;
  search_biz_id_ms: number;
  search_biz_no_prefix_ms: number;
  /** A five-character fragment from the middle of one biz_no, typed in the other letter case. */
  search_substring_ms: number;
  /** A fragment in every row ("ANCH-"): the first page of a search that matches everything. */
  search_substring_broad_ms: number;
  first_page_ms: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Runs the benchmark for one history size. */
export function benchHistory(rows: number, samples = 200): HistoryFigures {
  const dir = mkdtempSync(join(tmpdir(), 'faceid-bench-'));
  // The app's redactor over one secret, so the figures include the redaction of every write.
  const store = HistoryStore.open(join(dir, 'history.sqlite3'), { redact: redactorOf(() => ['bench-secret-0001']) });
  try {
    const t0 = Date.UTC(2026, 0, 1);
    const insertTimes: number[] = [];
    for (let n = 1; n <= rows; n++) {
      const start = syntheticStart(n, t0 + n * 1000);
      const began = performance.now();
      store.begin(start);
      store.complete(start.callId, syntheticEnd(n, t0 + n * 1000 + 20));
      insertTimes.push(performance.now() - began);
    }
    const now = t0 + rows * 1000;
    const pick = (i: number) => 1 + ((i * 7919) % rows);
    const bizIds = Array.from({ length: samples }, (_, i) => store.get(pick(i))?.bizId ?? store.get(pick(i) + 1)?.bizId ?? '');
    const time = (fn: () => unknown) => {
      const began = performance.now();
      fn();
      return performance.now() - began;
    };
    // Warm the statement cache and the page cache once, as a running console has.
    store.query({ text: bizIds[0] }, now, 50);
    const searchBizId = bizIds.map((id) => time(() => store.query({ text: id }, now, 50)));
    const searchPrefix = Array.from({ length: samples }, (_, i) => {
      const prefix = `branch-${String(pick(i)).padStart(7, '0').slice(0, 5)}`;
      return time(() => store.query({ text: prefix }, now, 50));
    });
    const searchSubstring = Array.from({ length: samples }, (_, i) => {
      const middle = `NCH-${String(pick(i)).padStart(7, '0').slice(1, 6)}`.toUpperCase();
      return time(() => store.query({ text: middle }, now, 50));
    });
    const searchBroad = Array.from({ length: Math.min(samples, 50) }, () => time(() => store.query({ text: 'ANCH-' }, now, 50)));
    const firstPage = Array.from({ length: samples }, () => time(() => store.query({}, now, 50)));
    return {
      insert_ms: round(median(insertTimes)),
      search_biz_id_ms: round(median(searchBizId)),
      search_biz_no_prefix_ms: round(median(searchPrefix)),
      search_substring_ms: round(median(searchSubstring)),
      search_substring_broad_ms: round(median(searchBroad)),
      first_page_ms: round(median(firstPage)),
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
