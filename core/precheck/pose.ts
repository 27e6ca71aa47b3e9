/** Head pose from the 68 landmarks of the iBUG 300-W layout (jaw 0–16, nose tip 30, eyes 36–47). */

export interface Point {
  x: number;
  y: number;
}

const mean = (points: readonly Point[]): Point => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length,
});

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Roll from the line through the eye centres (positive: clockwise on screen); a rough yaw from
 * where the nose tip sits between the jaw's ends (0 frontal, ±90 profile, positive: the nose
 * points to the photo's right). Rough on purpose: the tiny landmark model is not a pose estimator.
 */
export function poseFromLandmarks(points: readonly Point[]): { rollDeg: number; yawDeg: number } {
  if (points.length !== 68) throw new RangeError(`68 landmarks expected, got ${points.length}`);
  const leftEye = mean(points.slice(36, 42));
  const rightEye = mean(points.slice(42, 48));
  const rollDeg = (Math.atan2(rightEye.y - leftEye.y, rightEye.x - leftEye.x) * 180) / Math.PI;
  // Measured along the eye line, so a rolled head does not read as turned.
  const ux = Math.cos((rollDeg * Math.PI) / 180);
  const uy = Math.sin((rollDeg * Math.PI) / 180);
  const along = (p: Point) => p.x * ux + p.y * uy;
  const [jawA, jawB, nose] = [along(points[0] as Point), along(points[16] as Point), along(points[30] as Point)];
  const span = jawB - jawA;
  const offset = span === 0 ? 0 : Math.max(-1, Math.min(1, (2 * (nose - jawA)) / span - 1));
  return { rollDeg: round1(rollDeg), yawDeg: round1((Math.asin(offset) * 180) / Math.PI) };
}
