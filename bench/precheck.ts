/**
 * The photo pre-check's time: the first photo (worker start, model load, one analysis) and each
 * photo of the labelled fixture set after that, as the worker measures it (decode, detection in
 * every orientation tried, statistics). Two cores shared with whatever else runs: the load
 * average is printed beside the figures.
 */
import { availableParallelism, loadavg } from 'node:os';
import { createPhotoAnalyser } from '../main/precheck/analyser';
import { buildPrecheckFixtures } from '../test/support/precheck-fixtures';

export interface PrecheckFigures {
  photos: number;
  /** Worker start to models loaded (includes importing tfjs and face-api; under tsx, compiling the worker too). */
  model_load_ms: number;
  /** Wall time of the first analysePhoto call, load included. */
  first_photo_ms: number;
  median_ms: number;
  p90_ms: number;
  max_ms: number;
  /** Photos settled by the upright pass alone, and the median of those and of the rest (four passes). */
  one_pass: number;
  one_pass_median_ms: number;
  four_pass_median_ms: number;
  load_average: number;
  cores: number;
}

const median = (xs: number[]) => (xs.length === 0 ? 0 : ([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0));

export async function benchPrecheck(): Promise<PrecheckFigures> {
  const fixtures = await buildPrecheckFixtures();
  const analyser = createPhotoAnalyser({ timeoutMs: 120_000 });
  try {
    const load = loadavg()[0] ?? 0;
    const first = fixtures[0];
    if (!first) throw new Error('no fixtures');
    const t0 = performance.now();
    await analyser.analysePhoto(first.bytes);
    const firstMs = performance.now() - t0;
    const onePass: number[] = [];
    const fourPass: number[] = [];
    for (const f of fixtures) {
      const r = await analyser.analysePhoto(f.bytes);
      // Sure upright photos take one detector pass; the others try all three turns as well.
      (r.detectorPasses === 1 ? onePass : fourPass).push(r.elapsedMs);
    }
    const all = [...onePass, ...fourPass].sort((a, b) => a - b);
    return {
      photos: fixtures.length,
      model_load_ms: analyser.loadMs ?? 0,
      first_photo_ms: Math.round(firstMs),
      median_ms: median(all),
      p90_ms: all[Math.floor(all.length * 0.9)] ?? 0,
      max_ms: all.at(-1) ?? 0,
      one_pass: onePass.length,
      one_pass_median_ms: median(onePass),
      four_pass_median_ms: median(fourPass),
      load_average: Math.round(load * 10) / 10,
      cores: availableParallelism(),
    };
  } finally {
    await analyser.close();
  }
}
