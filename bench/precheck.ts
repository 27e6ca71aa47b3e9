/**
 * The photo pre-check's time: the first photo (worker start, model load, one analysis) and each
 * photo of the labelled fixture set after that, as the worker measures it (decode, every detector
 * pass the strategy ran, statistics). Each photo is analysed `rounds` times and its median kept,
 * so one stall of the shared machine does not decide a figure. Two cores shared with whatever
 * else runs: the load average is printed beside the figures.
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
  p95_ms: number;
  /**
   * CPU time of the whole process per photo (the worker's passes, libvips' threads; the waiting
   * main thread adds little): unlike wall time, barely moved by other programs on the cores.
   */
  cpu_median_ms: number;
  cpu_p90_ms: number;
  cpu_p95_ms: number;
  max_ms: number;
  /** Photos by how many detector passes they took, with the median time of each group. */
  by_passes: Record<string, { photos: number; median_ms: number }>;
  /** Photos settled by tiny_face_detector's upright pass alone. */
  one_pass: number;
  load_average: number;
  cores: number;
}

const median = (xs: number[]) => (xs.length === 0 ? 0 : ([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0));

export async function benchPrecheck(rounds = 3): Promise<PrecheckFigures> {
  const fixtures = await buildPrecheckFixtures();
  const analyser = createPhotoAnalyser({ timeoutMs: 120_000, loadPatienceMs: 300_000 });
  try {
    const loads: number[] = [];
    const first = fixtures[0];
    if (!first) throw new Error('no fixtures');
    const t0 = performance.now();
    await analyser.analysePhoto(first.bytes);
    const firstMs = performance.now() - t0;
    const perPhoto: { ms: number; cpuMs: number; passes: number }[] = [];
    for (const f of fixtures) {
      const times: number[] = [];
      const cpu: number[] = [];
      let passes = 0;
      for (let i = 0; i < rounds; i++) {
        loads.push(loadavg()[0] ?? 0);
        const before = process.cpuUsage();
        const r = await analyser.analysePhoto(f.bytes);
        const used = process.cpuUsage(before);
        cpu.push(Math.round((used.user + used.system) / 1000));
        times.push(r.elapsedMs);
        passes = r.detectorPasses;
      }
      perPhoto.push({ ms: median(times), cpuMs: median(cpu), passes });
    }
    const all = perPhoto.map((p) => p.ms).sort((a, b) => a - b);
    const allCpu = perPhoto.map((p) => p.cpuMs).sort((a, b) => a - b);
    const quantile = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.ceil(xs.length * q) - 1)] ?? 0;
    const p95 = (xs: number[]) => quantile(xs, 0.95);
    const byPasses: PrecheckFigures['by_passes'] = {};
    for (const n of [...new Set(perPhoto.map((p) => p.passes))].sort((a, b) => a - b)) {
      const group = perPhoto.filter((p) => p.passes === n).map((p) => p.ms);
      byPasses[String(n)] = { photos: group.length, median_ms: median(group) };
    }
    return {
      photos: fixtures.length,
      model_load_ms: analyser.loadMs ?? 0,
      first_photo_ms: Math.round(firstMs),
      median_ms: median(all),
      p90_ms: quantile(all, 0.9),
      p95_ms: p95(all),
      cpu_median_ms: median(allCpu),
      cpu_p90_ms: quantile(allCpu, 0.9),
      cpu_p95_ms: p95(allCpu),
      max_ms: all.at(-1) ?? 0,
      by_passes: byPasses,
      one_pass: byPasses['1']?.photos ?? 0,
      load_average: Math.round(median(loads) * 10) / 10,
      cores: availableParallelism(),
    };
  } finally {
    await analyser.close();
  }
}
