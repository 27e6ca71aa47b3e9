/**
 * What the photo pre-check reports about a reference photo, before the call. Codes and numbers
 * only: the renderer turns them into sentences in the operator's language (namespace `precheck`).
 * Pre-check is advice: nothing here ever blocks a call.
 */

/** Clockwise turns the pre-check tries, as the service's `multi_oriented_detection=1` does. */
export const ROTATIONS = [0, 90, 180, 270] as const;
export type Rotation = (typeof ROTATIONS)[number];

/** What the service would most likely answer for this photo as the only reference image. */
export type LikelyAnswer = 'OK' | 'NO_FACE_FOUND' | 'MULTIPLE_FACES';

export const FINDING_CODES = [
  'one-face',
  'no-face',
  'multiple-faces',
  'face-too-small',
  'rotated',
  'head-tilted',
  'head-turned',
  'blurry',
  'too-dark',
  'too-bright',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** What the operator can do about a finding. */
export type FindingAction = 'none' | 'rotate' | 'crop-to-one-face' | 'retake';

export interface Finding {
  code: FindingCode;
  /** problem: the service will likely refuse; advice: it may pass, but the comparison suffers. */
  severity: 'ok' | 'advice' | 'problem';
  likelyAnswer: LikelyAnswer;
  action: FindingAction;
  /** Numbers the message shows (percentages and degrees, rounded). */
  params: Record<string, number>;
}

/** A face as found, in fractions (0–1) of the photo turned by `suggestedRotation`. */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

export interface PhotoFindings {
  /** Pixel size of the photo as sent (before any suggested rotation). */
  width: number;
  height: number;
  faceCount: number;
  /** Largest first. */
  faces: FaceBox[];
  /** Clockwise degrees that make the photo upright; 0 when it already is (or no face was found). */
  suggestedRotation: Rotation;
  /** The largest face: its height as a fraction of the photo's shorter side. */
  faceShare?: number;
  /** Roll (degrees, positive = clockwise) and a rough yaw (degrees, positive = turned to the photo's right). */
  rollDeg?: number;
  yawDeg?: number;
  likelyAnswer: LikelyAnswer;
  /** Worst first; at least one. */
  findings: Finding[];
  /** Time spent analysing (decode, detection in every orientation tried, statistics). */
  elapsedMs: number;
  /** Detector passes run, the cheap looks at turns included: 1 when tiny_face_detector's upright pass settled it (strategy.ts). */
  detectorPasses: number;
  /** Which detector answered, e.g. "face-api tiny_face_detector + landmarks_68_tiny". */
  detector: string;
}
