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
