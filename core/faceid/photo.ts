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

/** A decoded image field of an answer: its bytes and the format recognised from them. */
export interface DecodedImage {
  bytes: Uint8Array;
  format: PhotoFormat;
  mimeType: string;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Reads an image field such as get_result's `images.image_best`. The sandbox sends a
 * `data:image/jpeg;base64,` URI; public clients disagree on whether the real field carries the
 * prefix (inferred either way), so both forms are accepted. The format is always taken from the
 * bytes, never from the URI's label; anything that is not base64 of an image gives undefined.
 */
export function decodeImageField(value: unknown): DecodedImage | undefined {
  if (typeof value !== 'string') return undefined;
  const uri = /^data:image\/[a-z0-9+.-]+;base64,(.*)$/is.exec(value.trim());
  const payload = (uri ? (uri[1] ?? '') : value).replace(/\s+/g, '');
  if (payload === '' || payload.length % 4 === 1 || !BASE64.test(payload)) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
  const { format } = photoFacts(bytes);
  return format ? { bytes, format, mimeType: photoMimeType(format) } : undefined;
}
