/**
 * Fitting a staged photo within the service's (inferred) limits, on the trusted side: the bytes
 * are already here, so a downscale never sends them across the boundary again. sharp decodes and
 * encodes on libuv's thread pool, never on the event loop the console's API answers on.
 *
 * The steps are the ones the renderer's canvas used to take: EXIF orientation applied (what the
 * operator sees), a white background under transparency (JPEG has none), the long side within
 * `maxSide`; then JPEG quality steps down (92, 85, 75) before the size does (aimed from the last
 * size at the limit, by pixel count), so a face stays as sharp as the limits allow.
 */
import sharp from 'sharp';

/** The largest input sharp is asked to decode (a 16-bit 8192² PNG bomb is refused, not decoded). */
const INPUT_PIXEL_LIMIT = 8192 * 8192;
const QUALITIES = [92, 85, 75] as const;
const ROUNDS = 12;

/** Thrown for bytes sharp cannot read as an image, or a photo that cannot be brought under maxBytes. */
export class DownscaleError extends Error {
  constructor(
    readonly code: 'undecodable' | 'too-big',
    message: string,
  ) {
    super(message);
  }
}

export interface Fitted {
  bytes: Buffer;
  width: number;
  height: number;
}

/** The photo re-encoded as a JPEG with its long side ≤ maxSide and at most maxBytes. */
export async function fitWithin(bytes: Uint8Array, limits: { maxSide: number; maxBytes: number }): Promise<Fitted> {
  let width: number;
  let height: number;
  try {
    const meta = await sharp(bytes, { limitInputPixels: INPUT_PIXEL_LIMIT, failOn: 'error' }).metadata();
    if (!meta.width || !meta.height) throw new Error('no size');
    // EXIF orientations 5–8 turn the picture a quarter: its sides swap once oriented.
    const turned = (meta.orientation ?? 1) >= 5;
    width = turned ? meta.height : meta.width;
    height = turned ? meta.width : meta.height;
  } catch {
    throw new DownscaleError('undecodable', 'The photo could not be read as an image.');
  }
  let scale = Math.min(1, limits.maxSide / Math.max(width, height));
  for (let round = 0; round < ROUNDS; round++) {
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    let smallest = Infinity;
    for (const quality of QUALITIES) {
      // Each trial is one pipeline from the staged bytes (JPEG shrink-on-load keeps a big decode cheap).
      const out = await sharp(bytes, { limitInputPixels: INPUT_PIXEL_LIMIT })
        .autoOrient()
        .resize(w, h, { fit: 'fill' })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality })
        .toBuffer({ resolveWithObject: true });
      if (out.data.byteLength <= limits.maxBytes) return { bytes: out.data, width: out.info.width, height: out.info.height };
      smallest = Math.min(smallest, out.data.byteLength);
    }
    // A JPEG's size follows its pixel count: aim the next size at the limit (a little under), at least × 0.9 smaller.
    scale *= Math.min(0.9, Math.sqrt(limits.maxBytes / smallest) * 0.97);
  }
  throw new DownscaleError('too-big', `The photo could not be brought under ${limits.maxBytes} bytes.`);
}

/** The long side of a preview the renderer shows in place of a photo whose bytes it never had. */
export const PREVIEW_MAX_SIDE = 480;

/** A small JPEG of the photo for the form's preview (bounded: ≤ PREVIEW_MAX_SIDE px, quality 80). */
export async function previewOf(bytes: Uint8Array): Promise<Buffer> {
  try {
    return await sharp(bytes, { limitInputPixels: INPUT_PIXEL_LIMIT, failOn: 'error' })
      .autoOrient()
      .resize(PREVIEW_MAX_SIDE, PREVIEW_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer();
  } catch {
    throw new DownscaleError('undecodable', 'The photo could not be read as an image.');
  }
}
