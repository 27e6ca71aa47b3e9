/**
 * Turns what the detector saw into findings: pure, so the rules are tested without a model and
 * any detector that fills RawAnalysis can replace face-api.
 */
import type { FaceBox, Finding, LikelyAnswer, PhotoFindings, Rotation } from './findings';
import type { PassRecord } from './strategy';
import { PRECHECK_LIMITS as L } from './thresholds';

export interface DetectedFace extends FaceBox {
  /** From landmarks; the detector may measure them for the face that matters (the largest counted) only. */
  rollDeg?: number;
  yawDeg?: number;
}

/** One orientation the detector tried: faces in fractions of the photo turned clockwise by `rotation`. */
export interface OrientationTry {
  rotation: Rotation;
  faces: DetectedFace[];
}

/** The detector's raw answer for one photo. */
export interface RawAnalysis {
  width: number;
  height: number;
  /** The upright try first. */
  tries: OrientationTry[];
  /** Every detector pass run (strategy.ts); when absent, one per try. */
  passes?: PassRecord[];
  /** Mean luminance 0–255 and Laplacian standard deviation (see thresholds.ts). */
  meanLuma: number;
  sharpness: number;
  elapsedMs: number;
  detector: string;
}

/** The get_token parameters that change what the service answers for the same photo. */
export interface PrecheckContext {
  /** `multi_oriented_detection=1`: the service retries the photo turned 90/180/270°. */
  multiOrientedDetection: boolean;
  /** `fail_when_ref_multiple_faces` not `0`: several faces fail (else the largest face is used). */
  failWhenMultipleFaces: boolean;
}

export const DEFAULT_PRECHECK_CONTEXT: PrecheckContext = { multiOrientedDetection: false, failWhenMultipleFaces: true };

/** A face the detector is sure enough of to count, as the service would. */
const counted = (t: OrientationTry): DetectedFace[] =>
  t.faces.filter((f) => f.score >= L.minScore).sort((a, b) => b.width * b.height - a.width * a.height);

/** A turn must find a face this much more certainly than the upright photo to win. */
const TURN_MARGIN = 0.02;

/**
 * The orientation the photo is meant to be seen in: the one whose best face the detector is most
 * sure of, upright unless a turn is clearly surer. The score, not the landmarks' roll, decides:
 * on the fixture set the right way up scored highest in 26 of 29 photos with a face, while the
 * tiny landmark model's roll of a sideways face was often under 30°.
 */
function chooseTry(tries: readonly OrientationTry[]): OrientationTry | undefined {
  const best = (t: OrientationTry) => counted(t)[0]?.score ?? 0;
  let chosen: OrientationTry | undefined;
  for (const t of tries) {
    if (best(t) === 0) continue;
    const margin = t.rotation === 0 ? -TURN_MARGIN : chosen?.rotation === 0 ? TURN_MARGIN : 0;
    if (!chosen || best(t) > best(chosen) + margin) chosen = t;
  }
  return chosen;
}

const pct = (n: number): number => Math.round(n * 100);
const rank = { problem: 0, advice: 1, ok: 2 } as const;

/**
 * The findings for one photo sent alone as a reference image. The likely answer follows the
 * service's documented behaviour: no face → NO_FACE_FOUND; a face only when turned → found only
 * with multi_oriented_detection=1; several faces → MULTIPLE_FACES unless
 * fail_when_ref_multiple_faces=0. Size, pose, blur and exposure are advice for the comparison.
 */
export function judgePhoto(raw: RawAnalysis, context: PrecheckContext = DEFAULT_PRECHECK_CONTEXT): PhotoFindings {
  const chosen = chooseTry(raw.tries);
  const faces = chosen ? counted(chosen) : [];
  const rotation: Rotation = chosen?.rotation ?? 0;
  const findings: Finding[] = [];
  const add = (f: Finding) => findings.push(f);

  let likely: LikelyAnswer = 'OK';
  if (faces.length === 0) likely = 'NO_FACE_FOUND';
  else if (rotation !== 0 && !context.multiOrientedDetection) likely = 'NO_FACE_FOUND';
  else if (faces.length > 1 && context.failWhenMultipleFaces) likely = 'MULTIPLE_FACES';

  if (faces.length === 0) add({ code: 'no-face', severity: 'problem', likelyAnswer: 'NO_FACE_FOUND', action: 'retake', params: {} });
  if (rotation !== 0) {
    const found = context.multiOrientedDetection;
    add({
      code: 'rotated',
      severity: found ? 'advice' : 'problem',
      likelyAnswer: found ? 'OK' : 'NO_FACE_FOUND',
      action: 'rotate',
      params: { degrees: rotation },
    });
  }
  if (faces.length > 1) {
    const fails = context.failWhenMultipleFaces;
    add({
      code: 'multiple-faces',
      severity: fails ? 'problem' : 'advice',
      likelyAnswer: fails ? 'MULTIPLE_FACES' : 'OK',
      action: 'crop-to-one-face',
      params: { count: faces.length },
    });
  }
  const main = faces[0];
  // Sizes in the chosen orientation's pixels.
  const [w, h] = rotation === 90 || rotation === 270 ? [raw.height, raw.width] : [raw.width, raw.height];
  const shorter = Math.min(w, h);
  // The face's height, no taller than maxBoxAspect × its width (thresholds.ts: ssd_mobilenetv1's small boxes run tall).
  const faceHeight = main ? Math.min(main.height * h, L.maxBoxAspect * main.width * w) : undefined;
  const faceShare = faceHeight !== undefined ? faceHeight / shorter : undefined;
  if (main && faceHeight !== undefined && faceShare !== undefined) {
    const pixels = Math.round(faceHeight);
    if (faceShare < L.minFaceShare || pixels < L.minFacePixels) {
      add({
        code: 'face-too-small',
        severity: 'advice',
        likelyAnswer: likely,
        action: 'retake',
        params: { percent: pct(faceShare), minPercent: pct(L.minFaceShare), pixels },
      });
    }
    if (main.rollDeg !== undefined && Math.abs(main.rollDeg) > L.maxRollDeg)
      add({
        code: 'head-tilted',
        severity: 'advice',
        likelyAnswer: likely,
        action: 'retake',
        params: { degrees: Math.abs(Math.round(main.rollDeg)) },
      });
    if (main.yawDeg !== undefined && Math.abs(main.yawDeg) > L.maxYawDeg)
      add({
        code: 'head-turned',
        severity: 'advice',
        likelyAnswer: likely,
        action: 'retake',
        params: { degrees: Math.abs(Math.round(main.yawDeg)) },
      });
  }
  // Blur and light matter for the comparison of a face; a photo without one has a bigger problem.
  if (main && raw.sharpness < L.minSharpness)
    add({
      code: 'blurry',
      severity: 'advice',
      likelyAnswer: likely,
      action: 'retake',
      params: { sharpness: Math.round(raw.sharpness * 10) / 10 },
    });
  if (main && raw.meanLuma < L.minMeanLuma)
    add({ code: 'too-dark', severity: 'advice', likelyAnswer: likely, action: 'retake', params: { luma: Math.round(raw.meanLuma) } });
  if (main && raw.meanLuma > L.maxMeanLuma)
    add({ code: 'too-bright', severity: 'advice', likelyAnswer: likely, action: 'retake', params: { luma: Math.round(raw.meanLuma) } });
  if (faces.length === 1 && likely === 'OK') add({ code: 'one-face', severity: 'ok', likelyAnswer: 'OK', action: 'none', params: {} });
  findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
  if (findings.length === 0) add({ code: 'one-face', severity: 'ok', likelyAnswer: likely, action: 'none', params: {} });

  return {
    width: raw.width,
    height: raw.height,
    faceCount: faces.length,
    faces: faces.map(({ x, y, width, height, score }) => ({ x, y, width, height, score })),
    suggestedRotation: rotation,
    faceShare,
    rollDeg: main?.rollDeg,
    yawDeg: main?.yawDeg,
    likelyAnswer: likely,
    findings,
    elapsedMs: raw.elapsedMs,
    detectorPasses: raw.passes?.length ?? raw.tries.length,
    detector: raw.detector,
  };
}

/** "One usable face": the service would accept it and the comparison has what it needs. */
export function isUsable(f: PhotoFindings): boolean {
  return f.likelyAnswer === 'OK' && f.faceCount === 1 && !f.findings.some((x) => x.code === 'face-too-small');
}
