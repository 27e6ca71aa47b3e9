import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/history/store';
import { redactorOf } from '../../main/vault/redact';
import { syntheticEnd, syntheticStart } from '../support/history-rows';

const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);
const MARK = 'ERASE-ME-7c1d0b9e';

describe('deleting history', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-erase-'));
    file = join(dir, 'history.sqlite3');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('overwrites the deleted rows and their kept photo in the file, not only unlinks them', () => {
    const store = HistoryStore.open(file, { redact: redactorOf(() => []) });
    for (let n = 1; n <= 20; n++) {
      const start = syntheticStart(n, T0 + n);
      store.begin({
        ...start,
        operator: `${MARK}-${n}`,
        photoBytes: n === 1 ? new Map([['a'.repeat(64), new TextEncoder().encode(`${MARK}-photo`)]]) : undefined,
      });
      store.complete(start.callId, syntheticEnd(n, T0 + n + 5));
    }
    expect(store.delete({}, T0)).toBe(20);
    store.close();
    // close() checkpoints the WAL into the main file and removes it.
    expect(readFileSync(file).includes(Buffer.from(MARK))).toBe(false);
  });
});
