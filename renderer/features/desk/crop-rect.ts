/** Crop rectangles in fractions of the picture (no DOM: unit-tested under Node). */

/** A crop in fractions (0…1) of the rotated image. */
export interface CropRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The rectangle between two points given in fractions, clamped to the image. */
export function rectBetween(a: { x: number; y: number }, b: { x: number; y: number }): CropRect {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const x0 = clamp(Math.min(a.x, b.x));
  const y0 = clamp(Math.min(a.y, b.y));
  return { x: x0, y: y0, w: clamp(Math.max(a.x, b.x)) - x0, h: clamp(Math.max(a.y, b.y)) - y0 };
}
