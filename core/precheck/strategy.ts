/**
 * Which detector passes a photo needs, cheapest first. Pure: the worker gives it a `detect`
 * callback, tests and the tuning study give it recorded answers.
 *
 * - tiny_face_detector (≈ 190 KB, a sixth of ssd_mobilenetv1's time) runs upright first. It is
 *   the orientation judge because it barely finds a face turned by a quarter or a half — as the
 *   service's detector without `multi_oriented_detection` — while ssd_mobilenetv1 also finds most
 *   sideways faces surely (on the fixture set it scored sideways portraits up to 0.99 upright).
 * - A large face found upright settles the photo in one pass; several faces too.
 * - One small face might be one of a group that tiny undercounts: ssd_mobilenetv1 counts them.
 * - A faint upright candidate is a face tiny underrates: ssd_mobilenetv1 looks upright first.
 * - No face upright: a cheap look at each turn (tiny at a small input), a full tiny pass only
 *   where that look saw something; the first clear face wins.
 * - Still none: where tiny saw a faint turned candidate, ssd_mobilenetv1 at that turn; then, in a
 *   photo large enough to hide a usable face from the upright pass, tiny at a larger input.
 */
import type { Rotation } from './findings';
import type { DetectedFace, OrientationTry } from './judge';
import { PRECHECK_LIMITS as L, PRECHECK_STRATEGY as S } from './thresholds';

/** tiny at tinyInputSize, at screenInputSize (the cheap look) or at tinyLargeInputSize; ssd_mobilenetv1. */
export type DetectorModel = 'tiny' | 'tiny-screen' | 'tiny-large' | 'ssd';

/** Runs one detector pass on the photo turned clockwise by `rotation`; boxes in fractions of the turned photo. */
export type DetectPass = (model: DetectorModel, rotation: Rotation) => Promise<DetectedFace[]>;

export interface PassRecord {
  model: DetectorModel;
  rotation: Rotation;
}

export interface StrategyOutcome {
  /** What the judge chooses from (the upright try first): the answers that count, by orientation. */
  tries: OrientationTry[];
  /** Every pass run, in order (the bench and the findings count them). */
  passes: PassRecord[];
}

const TURNS: readonly Rotation[] = [90, 270, 180];

const sure = (faces: readonly DetectedFace[], score: number) => faces.filter((f) => f.score >= score);
const best = (faces: readonly DetectedFace[]) => faces.reduce((m, f) => Math.max(m, f.score), 0);

/**
 * Runs the passes this photo needs. `size` is the upright photo's pixel size: the aspect judges
 * a face's share of the shorter side from its fractional box, the longest side whether a usable
 * face could be too small for the upright pass.
 */
export async function runStrategy(detect: DetectPass, size: { width: number; height: number }): Promise<StrategyOutcome> {
  const aspect = size.width / size.height;
  const passes: PassRecord[] = [];
  const tries: OrientationTry[] = [];
  // The cheap look only decides where to look again: its answers are not judged.
  const run = async (model: DetectorModel, rotation: Rotation, judged = true) => {
    passes.push({ model, rotation });
    const faces = await detect(model, rotation);
    if (judged) tries.push({ rotation, faces });
    return faces;
  };
  /** ssd_mobilenetv1 upright; when it is sure, its answer alone is judged (it counts better than tiny). */
  const ssdUpright = async (): Promise<StrategyOutcome | undefined> => {
    const ssd = await run('ssd', 0);
    return sure(ssd, L.minScore).length > 0 ? { tries: [{ rotation: 0, faces: ssd }], passes } : undefined;
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
    return (await ssdUpright()) ?? { tries, passes };
  }
  if (best(upright) >= S.faintUpright) {
    const settled = await ssdUpright();
    if (settled) return settled;
  }

  let turn: { rotation: Rotation; score: number } | undefined;
  for (const rotation of TURNS) {
    if (best(await run('tiny-screen', rotation, false)) < S.screenScore) continue;
    const score = best(await run('tiny', rotation));
    if (score >= S.turnSure) return { tries, passes };
    if (score >= S.hintScore && (!turn || score > turn.score)) turn = { rotation, score };
  }
  if (turn && turn.score >= L.minScore) return { tries, passes };
  if (turn && sure(await run('ssd', turn.rotation), L.minScore).length > 0) return { tries, passes };

  // A face tiny finds only above tinySmallestFace pixels of its input: can a usable one hide?
  const smallestSeen = (Math.max(size.width, size.height) * S.tinySmallestFace) / S.tinyInputSize;
  if (smallestSeen < L.minFacePixels) return { tries, passes };
  const small = await run('tiny-large', 0);
  if (sure(small, L.minScore).length === 0 && best(small) >= S.smallHint) {
    const settled = await ssdUpright();
    if (settled) return settled;
  }
  return { tries, passes };
}
