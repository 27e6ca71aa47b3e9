/** Bench photos made with sharp: noisy JPEGs of a chosen size, so they do not compress away. */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

/** A JPEG of about `targetBytes` (noise at quality 92, its side grown until the size is reached). */
export async function noisyJpeg(targetBytes: number): Promise<Buffer> {
  let side = 256;
  for (;;) {
    const raw = randomBytes(side * side * 3);
    const jpeg = await sharp(raw, { raw: { width: side, height: side, channels: 3 } })
      .jpeg({ quality: 92 })
      .toBuffer();
    if (jpeg.length >= targetBytes) return jpeg;
    side = Math.ceil(side * Math.sqrt((targetBytes * 1.02) / jpeg.length));
  }
}
