/**
 * The staging area for reference photos on the trusted side: a photo crosses the boundary once,
 * as bytes, and is kept here with its SHA-256 and facts (format sniffed, size measured — once);
 * issue, resend and clone refer to it by handle.
 *
 * Bounded, because a staged photo is biometric data held in memory for a form that may be
 * abandoned (a closed tab never says goodbye): at most STAGE_LIMITS.maxPhotos photos and
 * STAGE_LIMITS.maxBytes bytes. Staging beyond either evicts the least recently used photos. An
 * evicted or dropped handle is refused by name (PHOTO_NOT_STAGED with the reason), never quietly
 * replaced: the form that still shows the photo stages its bytes again before anything is sent,
 * so the operator never sends a photo other than the one on screen.
 */
import { createHash, randomBytes } from 'node:crypto';
import { photoFacts, type PhotoFacts } from '../../core/faceid/photo';

/**
 * SHA-256 digests the trusted side already computed for a byte buffer while it arrived (the
 * browser shell hashes a photo chunk by chunk as it reads the upload): put() uses one instead of
 * reading the bytes again. Keyed by the buffer object itself, so only trusted code that holds the
 * very buffer can vouch for it; the renderer's payload can never name a digest.
 */
const knownDigests = new WeakMap<Uint8Array, string>();

/** Records the SHA-256 the caller computed over exactly these bytes (as they were read, unchanged since). */
export function vouchDigest(bytes: Uint8Array, sha256: string): Uint8Array {
  knownDigests.set(bytes, sha256);
  return bytes;
}

/** Eight photos (four two-photo forms) and 64 MB, whichever is reached first. */
export const STAGE_LIMITS = { maxPhotos: 8, maxBytes: 64 * 1024 * 1024 } as const;

export interface StagedPhoto {
  handle: string;
  name: string;
  /** The bytes as they arrived; never copied again (the form-data stream reads this buffer). */
  bytes: Buffer;
  sha256: string;
  facts: PhotoFacts;
}

/** Why a handle is not (or no longer) staged. */
export type NotStagedReason = 'evicted' | 'dropped' | 'unknown';

export type StageLookup = { found: true; photo: StagedPhoto } | { found: false; reason: NotStagedReason };

/** Remembered reasons for gone handles, so a refusal can say why (bounded like the stage itself). */
const GONE_MEMORY = 256;

export class PhotoStage {
  // Insertion order is recency order: a used photo is re-inserted at the end.
  private readonly photos = new Map<string, StagedPhoto>();
  private readonly gone = new Map<string, NotStagedReason>();
  private bytes = 0;

  constructor(private readonly limits: { maxPhotos: number; maxBytes: number } = STAGE_LIMITS) {}

  /** Stages a photo (one pass: hash, sniff, measure) and evicts the least recently used beyond the caps. */
  put(name: string, data: Uint8Array): { photo: StagedPhoto; evicted: string[] } {
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const vouched = knownDigests.get(data);
    knownDigests.delete(data);
    const photo: StagedPhoto = {
      handle: `ph_${randomBytes(18).toString('base64url')}`,
      name,
      bytes,
      sha256: vouched ?? createHash('sha256').update(bytes).digest('hex'),
      facts: photoFacts(bytes),
    };
    this.photos.set(photo.handle, photo);
    this.bytes += bytes.byteLength;
    const evicted: string[] = [];
    for (const [handle, p] of this.photos) {
      if (this.photos.size <= this.limits.maxPhotos && this.bytes <= this.limits.maxBytes) break;
      if (handle === photo.handle) continue;
      this.remove(handle, 'evicted');
      evicted.push(p.handle);
    }
    return { photo, evicted };
  }

  /** The staged photo, marked as just used; or why it is not here. */
  get(handle: string): StageLookup {
    const photo = this.photos.get(handle);
    if (!photo) return { found: false, reason: this.gone.get(handle) ?? 'unknown' };
    this.photos.delete(handle);
    this.photos.set(handle, photo);
    return { found: true, photo };
  }

  /** Drops a photo (the form removed or replaced it); false when it was not staged. */
  drop(handle: string): boolean {
    if (!this.photos.has(handle)) return false;
    this.remove(handle, 'dropped');
    return true;
  }

  /** Count and bytes held, for the bench and tests. */
  usage(): { photos: number; bytes: number } {
    return { photos: this.photos.size, bytes: this.bytes };
  }

  private remove(handle: string, reason: NotStagedReason): void {
    const p = this.photos.get(handle);
    if (!p) return;
    this.photos.delete(handle);
    this.bytes -= p.bytes.byteLength;
    this.gone.set(handle, reason);
    if (this.gone.size > GONE_MEMORY) this.gone.delete(this.gone.keys().next().value as string);
  }
}
