/**
 * Which detector passes the pre-check spends on a photo (core/precheck/strategy.ts), driven by a
 * table of detector answers, and what the judge then concludes from them.
 */
import { describe, expect, it } from 'vitest';
import type { Rotation } from '../../core/precheck/findings';
import { judgePhoto, type DetectedFace } from '../../core/precheck/judge';
import { runStrategy, type DetectorModel } from '../../core/precheck/strategy';

const face = (over: Partial<DetectedFace> = {}): DetectedFace => ({
  x: 0.3,
  y: 0.2,
  width: 0.4,
  height: 0.5,
  score: 0.9,
  rollDeg: 0,
  yawDeg: 0,
  ...over,
});
// 640 px high: a face tiny cannot see upright is under 64 px, so the small-face look never runs.
const portrait = { width: 480, height: 640 };
const landscape = { width: 1200, height: 800 };
type Table = Partial<Record<`${DetectorModel}:${Rotation}`, DetectedFace[]>>;
const answers = (table: Table) => (model: DetectorModel, rotation: Rotation) => Promise.resolve(table[`${model}:${rotation}`] ?? []);
const passes = (o: Awaited<ReturnType<typeof runStrategy>>) => o.passes.map((p) => `${p.model}:${p.rotation}`);
const judged = (o: Awaited<ReturnType<typeof runStrategy>>) =>
  judgePhoto({ width: 600, height: 800, tries: o.tries, passes: o.passes, meanLuma: 120, sharpness: 20, elapsedMs: 1, detector: 'table' });

describe('the pre-check strategy', () => {
  it('settles a portrait with one tiny_face_detector pass', async () => {
    const o = await runStrategy(answers({ 'tiny:0': [face({ score: 0.8 })] }), portrait);
    expect(passes(o)).toEqual(['tiny:0']);
    expect(judged(o)).toMatchObject({ likelyAnswer: 'OK', faceCount: 1, detectorPasses: 1 });
  });

  it('settles several faces with one pass too', async () => {
    const o = await runStrategy(answers({ 'tiny:0': [face({ height: 0.2 }), face({ x: 0.7, height: 0.2, score: 0.6 })] }), landscape);
    expect(passes(o)).toEqual(['tiny:0']);
    expect(judged(o).likelyAnswer).toBe('MULTIPLE_FACES');
  });

  it('lets ssd_mobilenetv1 count when tiny saw one small face, or a second candidate', async () => {
    const group = [face({ height: 0.2 }), face({ x: 0.1, height: 0.18 }), face({ x: 0.7, height: 0.19 })];
    const small = await runStrategy(answers({ 'tiny:0': [face({ height: 0.2 })], 'ssd:0': group }), landscape);
    expect(passes(small)).toEqual(['tiny:0', 'ssd:0']);
    expect(judged(small)).toMatchObject({ likelyAnswer: 'MULTIPLE_FACES', faceCount: 3 });
    const rival = await runStrategy(
      answers({ 'tiny:0': [face(), face({ x: 0.7, height: 0.1, score: 0.35 })], 'ssd:0': [face()] }),
      portrait,
    );
    expect(passes(rival)).toEqual(['tiny:0', 'ssd:0']);
    expect(judged(rival)).toMatchObject({ likelyAnswer: 'OK', faceCount: 1 });
    // ssd seeing nothing does not undo the face tiny found.
    const faint = await runStrategy(answers({ 'tiny:0': [face({ height: 0.2, score: 0.7 })] }), landscape);
    expect(judged(faint)).toMatchObject({ likelyAnswer: 'OK', faceCount: 1 });
  });

  it('tries the turns only when the upright photo shows no face: a cheap look first, a full pass where it saw something', async () => {
    const o = await runStrategy(
      answers({
        'tiny-screen:90': [face({ score: 0.35 })],
        'tiny:90': [face({ score: 0.6 })],
        'tiny-screen:270': [face({ score: 0.7 })],
        'tiny:270': [face({ score: 0.9 })],
      }),
      portrait,
    );
    expect(passes(o)).toEqual(['tiny:0', 'tiny-screen:90', 'tiny:90', 'tiny-screen:270', 'tiny:270']);
    expect(judged(o)).toMatchObject({ likelyAnswer: 'NO_FACE_FOUND', suggestedRotation: 270 });
    // The cheap look's own answers are never judged: a turn it alone saw is no face.
    const screenOnly = await runStrategy(answers({ 'tiny-screen:180': [face({ score: 0.9 })] }), portrait);
    expect(passes(screenOnly)).toEqual(['tiny:0', 'tiny-screen:90', 'tiny-screen:270', 'tiny-screen:180', 'tiny:180']);
    expect(judged(screenOnly)).toMatchObject({ likelyAnswer: 'NO_FACE_FOUND', faceCount: 0, suggestedRotation: 0 });
  });

  it('asks ssd_mobilenetv1 upright, before any turn, when tiny saw a faint upright candidate', async () => {
    // A head tilted by 45°: tiny is unsure upright; ssd is sure upright, and no turn is tried.
    const tilted = await runStrategy(answers({ 'tiny:0': [face({ score: 0.45 })], 'ssd:0': [face({ score: 0.93 })] }), portrait);
    expect(passes(tilted)).toEqual(['tiny:0', 'ssd:0']);
    expect(judged(tilted)).toMatchObject({ likelyAnswer: 'OK', suggestedRotation: 0, faceCount: 1 });
    // ssd unsure too: the turns are tried as without a candidate.
    const unsure = await runStrategy(answers({ 'tiny:0': [face({ score: 0.25 })] }), portrait);
    expect(passes(unsure).slice(0, 3)).toEqual(['tiny:0', 'ssd:0', 'tiny-screen:90']);
  });

  it('confirms a faint turned candidate with ssd_mobilenetv1 at that turn', async () => {
    const sideways = await runStrategy(
      answers({ 'tiny-screen:90': [face({ score: 0.4 })], 'tiny:90': [face({ score: 0.31 })], 'ssd:90': [face({ score: 0.79 })] }),
      portrait,
    );
    expect(passes(sideways)).toEqual(['tiny:0', 'tiny-screen:90', 'tiny:90', 'tiny-screen:270', 'tiny-screen:180', 'ssd:90']);
    expect(judged(sideways)).toMatchObject({ likelyAnswer: 'NO_FACE_FOUND', suggestedRotation: 90 });
  });

  it('looks for a small face at the larger input last, only in a photo large enough to hide a usable one', async () => {
    const big = { width: 1200, height: 900 };
    const small = await runStrategy(answers({ 'tiny-large:0': [face({ height: 0.1, width: 0.07, score: 0.59 })] }), big);
    expect(passes(small)).toEqual(['tiny:0', 'tiny-screen:90', 'tiny-screen:270', 'tiny-screen:180', 'tiny-large:0']);
    const r = judgePhoto({
      width: 1200,
      height: 900,
      tries: small.tries,
      passes: small.passes,
      meanLuma: 120,
      sharpness: 20,
      elapsedMs: 1,
      detector: 'table',
    });
    expect(r).toMatchObject({ likelyAnswer: 'OK', faceCount: 1 });
    expect(r.findings.map((f) => f.code)).toContain('face-too-small');
    // A faint small candidate: ssd_mobilenetv1 upright decides.
    const faint = await runStrategy(
      answers({ 'tiny-large:0': [face({ height: 0.1, score: 0.42 })], 'ssd:0': [face({ height: 0.13, score: 0.68 })] }),
      big,
    );
    expect(passes(faint).slice(-2)).toEqual(['tiny-large:0', 'ssd:0']);
    // 640 × 480: a face tiny cannot see upright is under 64 px there, so no larger look.
    const none = await runStrategy(answers({}), { width: 640, height: 480 });
    expect(passes(none)).toEqual(['tiny:0', 'tiny-screen:90', 'tiny-screen:270', 'tiny-screen:180']);
    expect(judged(none)).toMatchObject({ likelyAnswer: 'NO_FACE_FOUND', faceCount: 0, detectorPasses: 4 });
  });
});
