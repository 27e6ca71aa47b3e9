/**
 * How well the console's own API answers while its embedded sandbox checks big reference images:
 * `listProfiles` latency (through the handler table of a real startConsoleApp) while three 16-bit
 * 4096 × 4096 PNG pixel bombs and three real 4096 × 4096 JPEGs are posted to get_token at once.
 * `npx tsx bench/sandbox-responsiveness.ts` prints the figures (never asserted).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startConsoleApp } from '../main/app/console-app';
import { makeLargeJpeg, makePixelBombPng } from '../test/fixtures/big-images';
import { listProfilesLatencies, postImage } from '../test/support/responsiveness';

const dir = mkdtempSync(join(tmpdir(), 'faceid-bench-'));
const app = await startConsoleApp({ dataDir: dir });
try {
  const [png, jpg] = await Promise.all([makePixelBombPng(), makeLargeJpeg()]);
  let peakRss = process.memoryUsage().rss;
  const rss = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const answers = Promise.all([0, 1, 2].flatMap((i) => [postImage(app, png, `bomb-${i}.png`), postImage(app, jpg, `big-${i}.jpg`)]));
  const samples = await listProfilesLatencies(app, answers);
  const wall = performance.now() - started;
  clearInterval(rss);
  const sorted = [...samples].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  process.stdout.write(`answers: ${(await answers).join(', ')}\n`);
  process.stdout.write(
    `6 uploads checked in ${wall.toFixed(0)} ms; listProfiles ×${samples.length}: median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms; peak rss ${(peakRss / 1e6).toFixed(0)} MB\n`,
  );
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
