// A writer process for the crash test: inserts calls one by one and prints the number of each
// committed row, until it is killed.
import { HistoryStore } from '../../main/history/store';
import { redactorOf } from '../../main/vault/redact';
import { syntheticEnd, syntheticStart } from './history-rows';

const store = HistoryStore.open(process.argv[2] ?? 'history.sqlite3', { redact: redactorOf(() => []) });
const base = Date.now();
for (let n = 1; ; n++) {
  store.begin(syntheticStart(n, base + n));
  store.complete(syntheticStart(n, base + n).callId, syntheticEnd(n, base + n));
  process.stdout.write(`${n}\n`);
}
