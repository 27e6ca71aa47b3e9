/** The pre-check's one-click fix: turn a photo by quarter turns on the trusted side. */
import sharp from 'sharp';
import type { Rotation } from '../../core/precheck/findings';

/** JPEG quality for the one re-encode a rotation costs (visually lossless for a portrait). */
const QUALITY = 92;

/**
 * The photo turned clockwise by `degrees`, with its EXIF orientation applied first (so the turn is
 * of what the operator sees) and no metadata kept: one JPEG pass, whatever the input format.
 */
export async function rotatePhoto(bytes: Uint8Array, degrees: Rotation): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const out = await sharp(bytes, { limitInputPixels: 8192 * 8192, failOn: 'error' })
    .autoOrient()
    .rotate(degrees)
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: QUALITY, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return {
    bytes: new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.byteLength),
    width: out.info.width,
    height: out.info.height,
  };
}
