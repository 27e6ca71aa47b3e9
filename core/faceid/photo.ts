import { imageSize } from 'image-size';
import { IMAGE_LIMITS } from './catalogue';

/** Image formats recognised by content. */
export type PhotoFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'bmp' | 'heif' | 'tiff' | 'other-image';

/** What the console knows of a reference photo without keeping its bytes. */
export interface PhotoFacts {
  bytes: number;
  /** null: the content is not a recognised image. */
  format: PhotoFormat | null;
  width?: number;
  height?: number;
}

const FORMAT_OF: Record<string, PhotoFormat> = {
  jpg: 'jpeg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
  bmp: 'bmp',
  heif: 'heif',
  tiff: 'tiff',
};

/** Recognises an image by its content (never by file name) and reads its pixel size. */
export function photoFacts(bytes: Uint8Array): PhotoFacts {
  try {
    const size = imageSize(bytes);
    const format = size.type ? (FORMAT_OF[size.type] ?? 'other-image') : null;
    if (!format || !size.width || !size.height) return { bytes: bytes.length, format: null };
    return { bytes: bytes.length, format, width: size.width, height: size.height };
  } catch {
    return { bytes: bytes.length, format: null };
  }
}

/** MIME type for a recognised format; what the multipart part is labelled with. */
export function photoMimeType(format: PhotoFormat | null): string {
  switch (format) {
    case 'jpeg':
      return 'image/jpeg';
    case 'png':
      return 'image/png';
    case 'gif':
      return 'image/gif';
    case 'webp':
      return 'image/webp';
    case 'bmp':
      return 'image/bmp';
    case 'heif':
      return 'image/heif';
    case 'tiff':
      return 'image/tiff';
    default:
      return 'application/octet-stream';
  }
}

/** Whether a photo exceeds the (inferred) service limits, in bytes or pixels. */
export function exceedsImageLimits(facts: PhotoFacts): { bytes: boolean; pixels: boolean } {
  return {
    bytes: facts.bytes > IMAGE_LIMITS.maxBytes,
    pixels: (facts.width ?? 0) > IMAGE_LIMITS.maxSide || (facts.height ?? 0) > IMAGE_LIMITS.maxSide,
  };
}

/** Human-readable byte size: 1.4 MB, 820 KB, 12 B. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}
