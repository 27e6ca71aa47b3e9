import { imageSize } from 'image-size';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { IMAGE_LIMITS } from '../../core/faceid/catalogue';

export type ImageVerdict = 'ok' | 'unsupported-format' | 'too-many-pixels';

/**
 * Decides what the service would say of a reference image. Only JPEG and PNG are accepted: the
 * real format list is undocumented, every known client sends JPEG, PNG is very likely accepted.
 * The format is recognised by content, never by file name or part content type. The pixel size
 * is read from the header first, so an oversized image is refused without decoding it (a
 * 4100×10 px JPEG is tiny in bytes but must answer INVALID_IMAGE_SIZE); the image is then fully
 * decoded, so a truncated or corrupt file is refused as undecodable.
 */
export function checkImage(bytes: Uint8Array): ImageVerdict {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return 'unsupported-format';
  }
  if (size.type !== 'jpg' && size.type !== 'png') return 'unsupported-format';
  if (size.width > IMAGE_LIMITS.maxSide || size.height > IMAGE_LIMITS.maxSide) return 'too-many-pixels';
  try {
    if (size.type === 'jpg') {
      // jpeg-js already refuses every truncation we tried ("marker was not found"), but that is
      // decoder behaviour, not a promise: a complete JPEG ends with the EOI marker, so require it.
      if (!hasEndOfImage(bytes)) return 'unsupported-format';
      jpeg.decode(bytes, { tolerantDecoding: false, maxMemoryUsageInMB: 256, useTArray: true });
    } else {
      PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
  } catch {
    return 'unsupported-format';
  }
  return 'ok';
}

/**
 * Whether the JPEG ends with its EOI marker (FF D9). Some writers pad after it, so the last
 * kilobyte is searched; entropy-coded data cannot contain FF D9 (FF is always stuffed), so a hit
 * there is the real marker.
 */
export function hasEndOfImage(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 2; i >= Math.max(2, bytes.length - 1024); i--) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  }
  return false;
}
