import { IMAGE_LIMITS } from '../../../core/faceid/catalogue';
import { i18n } from '../../i18n/i18n';

async function encode(bitmap: ImageBitmap, width: number, height: number, quality: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(i18n.t('history:photo.noCanvas'));
  // JPEG has no transparency: paint white first so a transparent PNG does not turn black.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(bitmap, 0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

/**
 * Re-encodes a photo as a JPEG within the service's (inferred) limits: sides ≤ 4096 px and
 * ≤ 2 MB. Quality steps down first, then the size, so a face stays as sharp as the limits allow.
 */
export async function fitToServiceLimits(bytes: Uint8Array): Promise<Uint8Array> {
  const bitmap = await createImageBitmap(new Blob([bytes.slice().buffer]));
  try {
    let scale = Math.min(1, IMAGE_LIMITS.maxSide / Math.max(bitmap.width, bitmap.height));
    for (let round = 0; round < 12; round++) {
      const width = Math.max(1, Math.round(bitmap.width * scale));
      const height = Math.max(1, Math.round(bitmap.height * scale));
      for (const quality of [0.92, 0.85, 0.75]) {
        const blob = await encode(bitmap, width, height, quality);
        if (blob.size <= IMAGE_LIMITS.maxBytes) return new Uint8Array(await blob.arrayBuffer());
      }
      scale *= 0.8;
    }
    throw new Error(i18n.t('history:photo.tooBig'));
  } finally {
    bitmap.close();
  }
}
