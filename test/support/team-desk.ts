// A simulated desk for the team tests, in its own process. argv: <sqlite file> <mode> <count>.
// TEAM_PG carries the connection (JSON). Modes:
//   write-then-publish: writes <count> calls, then publishes, printing "acked <n>" after each batch;
//   publish: only publishes what the outbox holds, then prints "drained";
//   live: writes <count> calls ~20 ms apart while publishing in the background, then drains.
import { HistoryStore } from '../../main/history/store';
import { TeamPublisher } from '../../main/team/publisher';
import { redactorOf } from '../../main/vault/redact';
import { syntheticEnd, syntheticStart } from './history-rows';

const [file = 'desk.sqlite3', mode = 'publish', countArg = '0'] = process.argv.slice(2);
const count = Number(countArg);
const offset = Number(process.env.TEAM_OFFSET ?? '0');
const store = HistoryStore.open(file, { redact: redactorOf(() => []) });
const pub = new TeamPublisher({
  outbox: store.outbox,
  connection: async () => JSON.parse(process.env.TEAM_PG ?? '{}'),
  redact: redactorOf(() => []),
  keepPhotos: () => false,
  batchSize: Number(process.env.TEAM_BATCH ?? '50'),
  backoff: { firstMs: 20, maxMs: 500 },
  idleMs: 20,
});

function write(i: number): void {
  const at = Date.now();
  const n = offset + i;
  store.begin(syntheticStart(n, at));
  store.complete(syntheticStart(n, at).callId, syntheticEnd(n, at));
}

async function main(): Promise<void> {
  if (mode === 'write-then-publish') {
    for (let i = 1; i <= count; i++) write(i);
    process.stdout.write('written\n');
    for (;;) {
      const n = await pub.publishBatch();
      if (n === 0) break;
      process.stdout.write(`acked ${n}\n`);
    }
  } else if (mode === 'live') {
    pub.start();
    for (let i = 1; i <= count; i++) {
      write(i);
      pub.nudge();
      await new Promise((r) => setTimeout(r, 20));
    }
    while (store.outbox.backlog().waiting > 0) await new Promise((r) => setTimeout(r, 20));
  } else {
    await pub.drain();
  }
  await pub.stop();
  process.stdout.write('drained\n');
  store.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
