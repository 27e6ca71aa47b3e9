/**
 * Which detector passes a photo needs, cheapest first. Pure: the worker gives it a `detect`
 * callback, tests and the tuning study give it recorded answers.
 *
 * - tiny_face_detector (≈ 190 KB, a fraction of ssd_mobilenetv1's time) runs upright first. It is
 *   the orientation judge because it barely finds a face turned by a quarter or a half — as the
 *   service's detector without `multi_oriented_detection` — while ssd_mobilenetv1 also finds most
 *   sideways faces surely (on the fixture set it scored sideways portraits up to 0.99 upright).
 * - A large face found upright settles the photo in one pass; several faces too.
 * - One small face might be one of a group that tiny undercounts: ssd_mobilenetv1 counts them.
 * - No face upright: the three turns with tiny; the first clear face wins.
 * - Still none: ssd_mobilenetv1 looks upright (small faces, faint faces) and, where tiny saw a
 *   faint candidate in a turn, at that turn too.
 */
import type { Rotation } from './findings';
import type { DetectedFace, OrientationTry } from './judge';
import { PRECHECK_LIMITS as L, PRECHECK_STRATEGY as S } from './thresholds';

export type DetectorModel = 'tiny' | 'tiny-large' | 'ssd';

/** Runs one detector pass on the photo turned clockwise by `rotation`; boxes in fractions of the turned photo. */
export type DetectPass = (model: DetectorModel, rotation: Rotation) => Promise<DetectedFace[]>;

export interface PassRecord {
  model: DetectorModel;
  rotation: Rotation;
}

export interface StrategyOutcome {
  /** What the judge chooses from (the upright try first): every pass's answer, by orientation. */
  tries: OrientationTry[];
  /** Every pass run, in order (the bench and the findings count them). */
  passes: PassRecord[];
}

const TURNS: readonly Rotation[] = [90, 270, 180];

const sure = (faces: readonly DetectedFace[], score: number) => faces.filter((f) => f.score >= score);
const best = (faces: readonly DetectedFace[]) => faces.reduce((m, f) => Math.max(m, f.score), 0);

/**
 * Runs the passes this photo needs. `aspect` is the upright photo's width / height, so a face's
 * share of the shorter side can be judged from its fractional box.
 */
export async function runStrategy(detect: DetectPass, aspect: number): Promise<StrategyOutcome> {
  const passes: PassRecord[] = [];
  const tries: OrientationTry[] = [];
  const run = async (model: DetectorModel, rotation: Rotation) => {
    passes.push({ model, rotation });
    const faces = await detect(model, rotation);
    tries.push({ rotation, faces });
    return faces;
  };

  const upright = await run('tiny', 0);
  const counted = sure(upright, L.minScore);
  if (counted.length >= 2) return { tries, passes };
  if (counted.length === 1) {
    const main = counted[0] as DetectedFace;
    // A portrait: one large face and no second candidate that tiny might be underrating.
    // Height over the shorter side: a fraction of the height, scaled when the width is shorter.
    const faceShare = main.height / Math.min(1, aspect);
    const rivals = upright.filter((f) => f !== main && f.score >= S.rivalScore);
    if (faceShare >= S.portraitShare && rivals.length === 0) return { tries, passes };
    // ssd counts a group; tiny's face stays the answer if ssd saw none at all.
    const ssd = await run('ssd', 0);
    return { tries: sure(ssd, L.minScore).length > 0 ? [{ rotation: 0, faces: ssd }] : tries, passes };
  }

  let turn: { rotation: Rotation; score: number } | undefined;
  for (const rotation of TURNS) {
    const score = best(await run('tiny', rotation));
    if (score >= S.turnSure) return { tries, passes };
    if (score >= S.hintScore && (!turn || score > turn.score)) turn = { rotation, score };
  }

  // No orientation gave tiny a sure face. ssd_mobilenetv1 looks upright (a faint or small face,
  // or a tilted head tiny saw better turned) and at tiny's best turn; the judge takes the surest.
  const ssdUpright = await run('ssd', 0);
  const ssdTurned = turn ? await run('ssd', turn.rotation) : [];
  if (sure(ssdUpright, L.minScore).length === 0 && sure(ssdTurned, L.minScore).length === 0 && !(turn && turn.score >= L.minScore)) {
    // A face of ≈ 40 px in the 640 px copy: tiny at a larger input finds it where both missed.
    await run('tiny-large', 0);
  }
  return { tries, passes };
}
