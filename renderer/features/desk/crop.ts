/**
 * Crop and rotate of a reference photo in the renderer, in one JPEG pass: the original (a file's
 * bytes, or a camera frame kept as lossless PNG) is decoded once, rotated and cropped on a canvas,
 * and encoded once as JPEG. Unchanged photos are sent as they are (no pass at all).
 */
export type Rotation = 0 | 90 | 180 | 270;

import type { CropRect } from './crop-rect';

export { rectBetween, type CropRect } from './crop-rect';

/** JPEG quality of the one encoding pass (visually lossless for a face). */
export const CROP_JPEG_QUALITY = 0.92;

/** The canvas holding `image` turned by `rotation` degrees clockwise. */
export function rotatedCanvas(image: CanvasImageSource & { width: number; height: number }, rotation: Rotation): HTMLCanvasElement {
  const turned = rotation === 90 || rotation === 270;
  const c = document.createElement('canvas');
  c.width = turned ? image.height : image.width;
  c.height = turned ? image.width : image.height;
  const g = c.getContext('2d');
  if (!g) throw new Error('canvas 2d context unavailable');
  g.translate(c.width / 2, c.height / 2);
  g.rotate((rotation * Math.PI) / 180);
  g.drawImage(image, -image.width / 2, -image.height / 2);
  return c;
}

/** The rotated image cut to `rect`, encoded once as JPEG. */
export async function cropToJpeg(rotated: HTMLCanvasElement, rect: CropRect | null): Promise<Uint8Array> {
  const r = rect ?? { x: 0, y: 0, w: 1, h: 1 };
  const sx = Math.round(r.x * rotated.width);
  const sy = Math.round(r.y * rotated.height);
  const sw = Math.max(1, Math.round(r.w * rotated.width));
  const sh = Math.max(1, Math.round(r.h * rotated.height));
  const out = document.createElement('canvas');
  out.width = sw;
  out.height = sh;
  out.getContext('2d')?.drawImage(rotated, sx, sy, sw, sh, 0, 0, sw, sh);
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/jpeg', CROP_JPEG_QUALITY));
  if (!blob) throw new Error('the browser could not encode the JPEG');
  return new Uint8Array(await blob.arrayBuffer());
}

/** Lowercase hex SHA-256 of some bytes (Web Crypto). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', bytes.slice().buffer);
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('');
}
