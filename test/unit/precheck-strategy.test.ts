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
type Table = Partial<Record<`${DetectorModel}:${Rotation}`, DetectedFace[]>>;
const answers = (table: Table) => (model: DetectorModel, rotation: Rotation) => Promise.resolve(table[`${model}:${rotation}`] ?? []);
const passes = (o: Awaited<ReturnType<typeof runStrategy>>) => o.passes.map((p) => `${p.model}:${p.rotation}`);
const judged = (o: Awaited<ReturnType<typeof runStrategy>>) =>
  judgePhoto({ width: 600, height: 800, tries: o.tries, passes: o.passes, meanLuma: 120, sharpness: 20, elapsedMs: 1, detector: 'table' });

describe('the pre-check strategy', () => {
  it('settles a portrait with one tiny_face_detector pass', async () => {
    const o = await runStrategy(answers({ 'tiny:0': [face({ score: 0.8 })] }), 0.75);
    expect(passes(o)).toEqual(['tiny:0']);
    expect(judged(o)).toMatchObject({ likelyAnswer: 'OK', faceCount: 1, detectorPasses: 1 });
  });

  it('settles several faces with one pass too', async () => {
    const o = await runStrategy(answers({ 'tiny:0': [face({ height: 0.2 }), face({ x: 0.7, height: 0.2, score: 0.6 })] }), 1.5);
    expect(passes(o)).toEqual(['tiny:0']);
    expect(judged(o).likelyAnswer).toBe('MULTIPLE_FACES');
  });

  it('lets ssd_mobilenetv1 count when tiny saw one small face, or a second candidate', async () => {
    const group = [face({ height: 0.2 }), face({ x: 0.1, height: 0.18 }), face({ x: 0.7, height: 0.19 })];
    const small = await runStrategy(answers({ 'tiny:0': [face({ height: 0.2 })], 'ssd:0': group }), 1.5);
    expect(passes(small)).toEqual(['tiny:0', 'ssd:0']);
    expect(judged(small)).toMatchObject({ likelyAnswer: 'MULTIPLE_FACES', faceCount: 3 });
    const rival = await runStrategy(answers({ 'tiny:0': [face(), face({ x: 0.7, height: 0.1, score: 0.35 })], 'ssd:0': [face()] }), 0.75);
    expect(passes(rival)).toEqual(['tiny:0', 'ssd:0']);
    expect(judged(rival)).toMatchObject({ likelyAnswer: 'OK', faceCount: 1 });
    // ssd seeing nothing does not undo the face tiny found.
    const faint = await runStrategy(answers({ 'tiny:0': [face({ height: 0.2, score: 0.7 })] }), 1.5);
    expect(judged(faint)).toMatchObject({ likelyAnswer: 'OK', faceCount: 1 });
  });

  it('tries the turns only when the upright photo shows no face, and stops at a sure one', async () => {
    const o = await runStrategy(answers({ 'tiny:90': [face({ score: 0.6 })], 'tiny:270': [face({ score: 0.9 })] }), 0.75);
    expect(passes(o)).toEqual(['tiny:0', 'tiny:90', 'tiny:270']);
    expect(judged(o)).toMatchObject({ likelyAnswer: 'NO_FACE_FOUND', suggestedRotation: 270 });
  });

  it('asks ssd_mobilenetv1 upright and at the best turn when tiny is unsure of every orientation', async () => {
    // A head tilted by 45°: tiny is unsure upright and half sure upside down; ssd is sure upright.
    const tilted = await runStrategy(
      answers({
        'tiny:0': [face({ score: 0.45 })],
        'tiny:180': [face({ score: 0.75 })],
        'ssd:0': [face({ score: 0.93 })],
        'ssd:180': [face({ score: 0.55 })],
      }),
      0.75,
    );
    expect(passes(tilted)).toEqual(['tiny:0', 'tiny:90', 'tiny:270', 'tiny:180', 'ssd:0', 'ssd:180']);
    expect(judged(tilted)).toMatchObject({ likelyAnswer: 'OK', suggestedRotation: 0 });
    // A faint sideways face: ssd confirms the turn tiny only hinted at.
    const sideways = await runStrategy(answers({ 'tiny:90': [face({ score: 0.31 })], 'ssd:90': [face({ score: 0.79 })] }), 0.75);
    expect(passes(sideways)).toEqual(['tiny:0', 'tiny:90', 'tiny:270', 'tiny:180', 'ssd:0', 'ssd:90']);
    expect(judged(sideways)).toMatchObject({ likelyAnswer: 'NO_FACE_FOUND', suggestedRotation: 90 });
  });

  it('looks for a small face at the larger input last, and finds no face where nothing answers', async () => {
    const small = await runStrategy(answers({ 'tiny-large:0': [face({ height: 0.06, score: 0.59 })] }), 0.75);
    expect(passes(small)).toEqual(['tiny:0', 'tiny:90', 'tiny:270', 'tiny:180', 'ssd:0', 'tiny-large:0']);
    const r = judged(small);
    expect(r).toMatchObject({ likelyAnswer: 'OK', faceCount: 1 });
    expect(r.findings.map((f) => f.code)).toContain('face-too-small');
    const none = await runStrategy(answers({}), 4 / 3);
    expect(passes(none)).toHaveLength(6);
    expect(judged(none)).toMatchObject({ likelyAnswer: 'NO_FACE_FOUND', faceCount: 0, detectorPasses: 6 });
  });
});
