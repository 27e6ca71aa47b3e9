import { imageSize } from 'image-size';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { IMAGE_LIMITS } from '../../core/faceid/catalogue';

export type ImageVerdict = 'ok' | 'unsupported-format' | 'too-many-pixels';

/**
 * Decides what the service would say of a reference image. Only JPEG and PNG are accepted (the
 * real format list is undocumented; every known client sends JPEG). The pixel size is read from
 * the header first, so an oversized image is refused without decoding it; the image is then
 * fully decoded, so a truncated or corrupt file is refused as the service would.
 */
export function checkImage(bytes: Uint8Array): ImageVerdict {
  let size;
  try {
    size = imageSize(bytes);
  } catch {
    return 'unsupported-format';
  }
  if (size.type !== 'jpg' && size.type !== 'png') return 'unsupported-format';
  if ((size.width ?? 0) > IMAGE_LIMITS.maxSide || (size.height ?? 0) > IMAGE_LIMITS.maxSide) return 'too-many-pixels';
  try {
    if (size.type === 'jpg') {
      // jpeg-js decodes a truncated file silently; a complete JPEG ends with the EOI marker
      // (some writers pad after it, so look in the last kilobyte).
      if (!hasEndOfImage(bytes)) return 'unsupported-format';
      jpeg.decode(bytes, { tolerantDecoding: false, maxMemoryUsageInMB: 256, useTArray: true });
    } else {
      PNG.sync.read(Buffer.from(bytes));
    }
  } catch {
    return 'unsupported-format';
  }
  return 'ok';
}

function hasEndOfImage(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 2; i >= Math.max(2, bytes.length - 1024); i--) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  }
  return false;
}
