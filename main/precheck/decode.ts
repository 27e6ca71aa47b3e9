/** Decoding and cheap image statistics for the pre-check, with sharp (libvips). */
import type SharpModule from 'sharp';
import { packageRequire } from './paths';

// Through packageRequire, not a static import: in a packaged app this runs in the worker started
// from app.asar.unpacked, while sharp's JavaScript stays in app.asar.
const sharp = packageRequire(import.meta.url)('sharp') as typeof SharpModule;

/** The longest side the detector sees: enough for a face of ≈ 30 px, cheap to run four times. */
const DETECT_SIDE = 640;
const STATS_SIDE = 256;
/** A header may not promise more than this (the service's own limit is 4096 × 4096). */
const MAX_PIXELS = 8192 * 8192;

sharp.cache(false);

export interface DecodedPhoto {
  /** Size as displayed (EXIF orientation applied), before downscaling. */
  width: number;
  height: number;
  rgb: Uint8Array;
  rgbWidth: number;
  rgbHeight: number;
  meanLuma: number;
  sharpness: number;
}

/**
 * The photo as the operator sees it: EXIF orientation applied, as browsers and OpenCV's imdecode
 * (the usual decoder behind face services) do. Throws on bytes that are no decodable image.
 */
export async function decodeForDetection(bytes: Uint8Array): Promise<DecodedPhoto> {
  const source = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' });
  const meta = await source.metadata();
  // EXIF orientations 5–8 swap the sides.
  const swapped = (meta.orientation ?? 1) >= 5;
  const small = await source
    .autoOrient()
    .resize(DETECT_SIDE, DETECT_SIDE, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: small.info.width, height: small.info.height, channels: 3 as const } };
  const grey = await sharp(small.data, raw)
    .resize(STATS_SIDE, STATS_SIDE, { fit: 'inside' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const greyRaw = { raw: { width: grey.info.width, height: grey.info.height, channels: 1 as const } };
  const luma = await sharp(grey.data, greyRaw).stats();
  // Laplacian around a mid-grey offset: its spread is high for sharp edges, low for a blurred photo.
  const edges = await sharp(grey.data, greyRaw)
    .convolve({ width: 3, height: 3, kernel: [0, 1, 0, 1, -4, 1, 0, 1, 0], offset: 128 })
    .stats();
  return {
    width: swapped ? meta.height : meta.width,
    height: swapped ? meta.width : meta.height,
    rgb: new Uint8Array(small.data.buffer, small.data.byteOffset, small.data.byteLength),
    rgbWidth: small.info.width,
    rgbHeight: small.info.height,
    meanLuma: luma.channels[0]?.mean ?? 0,
    sharpness: edges.channels[0]?.stdev ?? 0,
  };
}
