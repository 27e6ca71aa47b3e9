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
  /**
   * A face is judged by min(box height, this × box width): a face is about as tall as it is wide
   * (tiny_face_detector's boxes: 0.7–1.2 × their width on the fixture set), while
   * ssd_mobilenetv1 stretches the box of a small face to 1.7–1.9 × its width.
   */
  maxBoxAspect: 1.3,
} as const;

/**
 * How the pre-check spends its detector passes (core/precheck/strategy.ts). Scores are
 * tiny_face_detector's, which runs at `tinyInputSize` on the ≤ 640 px copy of the photo.
 */
export const PRECHECK_STRATEGY = {
  /** tiny_face_detector's input (a multiple of 32): a face of ≈ 45 px in the 640 px copy is still found. */
  tinyInputSize: 416,
  /** One face at least this share of the shorter side is a portrait: no group left for ssd_mobilenetv1 to count. */
  portraitShare: 0.3,
  /** …unless tiny saw another candidate this sure, which it might be underrating. */
  rivalScore: 0.3,
  /**
   * tiny's weakest answer (its floor, detector.ts): any upright candidate at all is a face tiny
   * underrates (no turned portrait of the fixture set scored this upright), so ssd_mobilenetv1
   * looks upright before any turn.
   */
  faintUpright: 0.2,
  /** The cheap look at each turn: tiny at this input (≈ a quarter of a pass at tinyInputSize). */
  screenInputSize: 224,
  /** A turn the cheap look scores this high gets a full tiny pass. */
  screenScore: 0.3,
  /** A turned face tiny is this sure of settles the orientation without ssd_mobilenetv1. */
  turnSure: 0.8,
  /** A fainter turned candidate is checked with ssd_mobilenetv1 at that turn. */
  hintScore: 0.25,
  /** The larger input for a last look at small faces (≈ 2 × the time of a pass at tinyInputSize). */
  tinyLargeInputSize: 608,
  /**
   * The smallest face (pixels of its input) tiny finds surely at tinyInputSize. The small-face
   * look runs only on a photo large enough that a face this small to tiny is still minFacePixels
   * high in the photo: in a smaller one, no usable face can have escaped the upright pass.
   */
  tinySmallestFace: 40,
  /** A small-face candidate this sure is checked with ssd_mobilenetv1 upright. */
  smallHint: 0.3,
} as const;
