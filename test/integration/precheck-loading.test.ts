/**
 * The pre-check's first load on a busy machine: a photo asked while the detector still loads hears
 * `loading` (after loadPatienceMs, here 50 ms: the load takes far longer) instead of a failure, the
 * load goes on, and the next ask gets findings. The sandbox's face check waits through it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createPhotoAnalyser, PrecheckError } from '../../main/precheck/analyser';
import { faceCheckOf } from '../../main/precheck/face-check';
import { DEFAULT_PRECHECK_CONTEXT } from '../../core/precheck/judge';
import { buildPrecheckFixtures } from '../support/precheck-fixtures';

const analysers = [
  createPhotoAnalyser({ loadPatienceMs: 50, timeoutMs: 120_000 }),
  createPhotoAnalyser({ loadPatienceMs: 50, timeoutMs: 120_000 }),
];
afterAll(() => Promise.all(analysers.map((a) => a.close())));

describe('the pre-check while its detector loads', () => {
  it('answers "loading" instead of failing, keeps loading, and checks the photo when asked again', async () => {
    const [analyser] = analysers;
    if (!analyser) throw new Error('no analyser');
    const [photo] = await buildPrecheckFixtures();
    if (!photo) throw new Error('no fixtures');
    expect(analyser.state).toBe('idle');
    await expect(analyser.analysePhoto(photo.bytes)).rejects.toMatchObject({ code: 'loading' } satisfies Partial<PrecheckError>);
    expect(analyser.state).toBe('loading');
    let asks = 1;
    for (;;) {
      try {
        const findings = await analyser.analysePhoto(photo.bytes);
        expect(findings.likelyAnswer).toBe(photo.expected);
        break;
      } catch (e) {
        expect(e).toMatchObject({ code: 'loading' });
        asks++;
      }
    }
    expect(analyser.state).toBe('ready');
    expect(analyser.loadMs).toBeGreaterThan(0);
    console.log(`pre-check first load: ${analyser.loadMs} ms, ${asks} asks answered "loading" before it`);
  }, 180_000);

  it('lets the sandbox face check wait through the load', async () => {
    const analyser = analysers[1];
    if (!analyser) throw new Error('no analyser');
    const fixtures = await buildPrecheckFixtures();
    const group = fixtures.find((f) => f.kind === 'several-faces');
    if (!group) throw new Error('no group photo');
    analyser.warm();
    expect(analyser.state).toBe('loading');
    expect(await faceCheckOf(analyser)(group.bytes, DEFAULT_PRECHECK_CONTEXT)).toBe('MULTIPLE_FACES');
  }, 180_000);
});
