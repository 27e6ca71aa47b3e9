/**
 * The embedded sandbox never stalls the console: while it checks the worst legal reference
 * images (16-bit 4096 × 4096 PNGs, real 4096 × 4096 JPEGs), the console's own API keeps
 * answering. A liveness bound, not a performance target: `npm run bench`-style figures are in
 * bench/sandbox-responsiveness.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { makeLargeJpeg, makePixelBombPng } from '../fixtures/big-images';
import { listProfilesLatencies, postImage } from '../support/responsiveness';

let dir: string;
let app: ConsoleApp;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faceid-responsive-'));
  app = await startConsoleApp({ dataDir: dir });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the console while its sandbox decodes big images', () => {
  it('answers listProfiles within 1 s throughout three PNG pixel bombs and three 4096 px JPEGs, and accepts all six', async () => {
    const [png, jpg] = await Promise.all([makePixelBombPng(), makeLargeJpeg()]);
    const answers = Promise.all([0, 1, 2].flatMap((i) => [postImage(app, png, `bomb-${i}.png`), postImage(app, jpg, `big-${i}.jpg`)]));
    const latencies = await listProfilesLatencies(app, answers);
    expect(await answers).toEqual(Array(6).fill('200 token'));
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(1000);
  }, 60_000);
});
