/**
 * The pre-check's limits. The vendor documents none of them for H5 Lite; they are our choices for
 * a reliable comparison, and each one only ever produces advice.
 */
export const PRECHECK_LIMITS = {
  /** Below this share of the shorter side a face is too small to compare reliably (≈ 80 px of 640). */
  minFaceShare: 0.12,
  /** A detection below this score is not counted as a face. */
  minScore: 0.5,
  /** …or below this many pixels high, whatever its share. */
  minFacePixels: 64,
  /** Roll beyond this (degrees) is worth straightening. */
  maxRollDeg: 20,
  /** Rough yaw beyond this (degrees) is a profile view rather than a frontal portrait. */
  maxYawDeg: 30,
  /** Mean luminance (0–255) outside these bounds: too dark or too bright. */
  minMeanLuma: 50,
  maxMeanLuma: 215,
  /** Laplacian standard deviation (0–255 scale, on a 256 px grey copy) below this: blurry. */
  minSharpness: 6,
} as const;

/**
 * How the pre-check spends its detector passes (core/precheck/strategy.ts). Scores are
 * tiny_face_detector's, which runs at `tinyInputSize` on the ≤ 640 px copy of the photo.
 */
export const PRECHECK_STRATEGY = {
  /** tiny_face_detector's input (a multiple of 32): a face of ≈ 30 px in the 640 px copy is still found. */
  tinyInputSize: 416,
  /** One face at least this share of the shorter side is a portrait: no group left for ssd_mobilenetv1 to count. */
  portraitShare: 0.3,
  /** …unless tiny saw another candidate this sure, which it might be underrating. */
  rivalScore: 0.3,
  /** The larger input for a last look at small faces (≈ 2.2 × the time of a pass at tinyInputSize). */
  tinyLargeInputSize: 608,
  /** A turned face tiny is this sure of settles the orientation without ssd_mobilenetv1. */
  turnSure: 0.8,
  /** A fainter turned candidate is checked with ssd_mobilenetv1 at that turn. */
  hintScore: 0.25,
} as const;
