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

/** How far one arrow key moves or resizes the crop box: 2 % of the picture. */
export const CROP_STEP = 0.02;
/** The box the first arrow key places: the middle half of the picture. */
export const FIRST_BOX: CropRect = { x: 0.25, y: 0.25, w: 0.5, h: 0.5 };
/** The smallest box the keys make (the pointer refuses anything under 2 % as a slip). */
export const MIN_BOX = 0.04;

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
// Fractions are kept to 4 decimals so a long run of steps does not drift off the 2 % grid.
const tidy = (v: number) => Math.round(v * 10_000) / 10_000;
const within = (v: number, lo: number, hi: number) => tidy(Math.min(hi, Math.max(lo, v)));

/**
 * The crop box after an arrow key: moved by CROP_STEP, or with `resize` (Shift) made wider or
 * narrower (→ ←), taller or shorter (↓ ↑) from its top-left corner, always inside the picture.
 * With no box yet the first arrow places FIRST_BOX. Any other key: undefined (not ours).
 */
export function keyedRect(rect: CropRect | null, key: string, resize: boolean): CropRect | undefined {
  const arrow = ARROWS[key];
  if (!arrow) return undefined;
  if (!rect) return { ...FIRST_BOX };
  const [dx, dy] = arrow;
  if (resize)
    return { ...rect, w: within(rect.w + dx * CROP_STEP, MIN_BOX, 1 - rect.x), h: within(rect.h + dy * CROP_STEP, MIN_BOX, 1 - rect.y) };
  return { ...rect, x: within(rect.x + dx * CROP_STEP, 0, 1 - rect.w), y: within(rect.y + dy * CROP_STEP, 0, 1 - rect.h) };
}
