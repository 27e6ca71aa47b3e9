import { imageSize } from 'image-size';
import sharp from 'sharp';
import { IMAGE_LIMITS } from '../../core/faceid/catalogue';

export type ImageVerdict = 'ok' | 'unsupported-format' | 'too-many-pixels' | 'busy';

/**
 * How many images are decoded at once, and how many more may wait. Decoding runs on libuv's
 * thread pool (sharp/libvips), never on the event loop the console's own API shares; these bounds
 * keep a burst of uploads from taking every pool thread (file and DNS work use it too) or piling
 * up request bodies in memory. A request beyond them is answered as the service answers overload.
 */
export const DECODE_CONCURRENCY = 2;
export const DECODE_QUEUE_LIMIT = 16;
/** A decode that takes longer than this is abandoned (libvips checks it between tiles). */
const DECODE_TIMEOUT_S = 10;

// libvips' operation cache would keep decoded customer photos (biometric data) in memory after
// the request; nothing here is decoded twice.
sharp.cache(false);

let running = 0;
const waiting: (() => void)[] = [];

/** Runs `task` when a decode slot is free; undefined when too many are already waiting. */
async function inDecodeSlot<T>(task: () => Promise<T>): Promise<T | undefined> {
  if (running >= DECODE_CONCURRENCY) {
    if (waiting.length >= DECODE_QUEUE_LIMIT) return undefined;
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running += 1;
  try {
    return await task();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/**
 * Decides what the service would say of a reference image. Only JPEG and PNG are accepted: the
 * real format list is undocumented, every known client sends JPEG, PNG is very likely accepted.
 * The format is recognised by content, never by file name or part content type. The pixel size
 * is read from the header first, so an oversized image is refused without decoding it (a
 * 4100×10 px JPEG is tiny in bytes but must answer INVALID_IMAGE_SIZE). The image is then decoded
 * completely — every pixel, streamed through libvips' statistics so no full-size copy is ever
 * held — with libvips at its strictest (`failOn: 'warning'`: to libjpeg, a header that promises
 * more rows than the data holds is only a warning), so a cut or corrupt file is refused as
 * undecodable; `limitInputPixels` also holds when a header lies to the size reader.
 * 'busy': the decode queue is full (see DECODE_QUEUE_LIMIT).
 */
export async function checkImage(bytes: Uint8Array): Promise<ImageVerdict> {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return 'unsupported-format';
  }
  if (size.type !== 'jpg' && size.type !== 'png') return 'unsupported-format';
  if (size.width > IMAGE_LIMITS.maxSide || size.height > IMAGE_LIMITS.maxSide) return 'too-many-pixels';
  const verdict = await inDecodeSlot(async (): Promise<ImageVerdict> => {
    try {
      const max = IMAGE_LIMITS.maxSide;
      const image = sharp(bytes, { failOn: 'warning', limitInputPixels: max * max, sequentialRead: true });
      // libvips reads the header itself: a file that two readers see differently is refused.
      const meta = await image.metadata();
      if (meta.format !== (size.type === 'jpg' ? 'jpeg' : 'png')) return 'unsupported-format';
      if (meta.width > max || meta.height > max) return 'too-many-pixels';
      await image.timeout({ seconds: DECODE_TIMEOUT_S }).stats();
      return 'ok';
    } catch {
      return 'unsupported-format';
    }
  });
  return verdict ?? 'busy';
}
