import { performance } from 'node:perf_hooks';
import type { StagedPhotoInfo, StagedPhotoWithPreview } from '../../core/api';
import { IMAGE_LIMITS } from '../../core/faceid/catalogue';
import { formatBytes } from '../../core/faceid/photo';
import { msg } from '../../core/i18n/render';
import { fail, ok, worded, type Result } from '../../core/result';
import { DownscaleError, fitWithin, previewOf } from '../photos/downscale';
import type { PhotoStage, StagedPhoto } from '../photos/stage';
import type { HandlerDeps, OpImpls } from './handlers';

/** What the renderer learns of a staged photo: its handle and facts, never its bytes. */
export const infoOf = (photo: StagedPhoto, evicted: string[]): StagedPhotoInfo => ({
  handle: photo.handle,
  name: photo.name,
  sha256: photo.sha256,
  facts: photo.facts,
  evicted,
});

/** A photo staged on this side, answered with a bounded preview in place of its bytes (throws DownscaleError when undecodable). */
export const withPreview = async (photo: StagedPhoto, evicted: string[]): Promise<StagedPhotoWithPreview> => ({
  photo: infoOf(photo, evicted),
  preview: { dataBase64: (await previewOf(photo.bytes)).toString('base64') },
});

/** The name a JPEG copy made on this side is shown under: ("scan.png", "fitted") → "scan-fitted.jpg". */
export const copyName = (name: string, what: 'fitted' | 'rotated') => `${name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'photo'}-${what}.jpg`;

/**
 * Staging photos: once per drop, bytes in; a handle and the facts out (never the bytes back).
 * A downscale and a clone of a kept photo stage on this side, from bytes already here.
 */
export function photoOps(
  stage: PhotoStage,
  deps: Pick<HandlerDeps, 'history'>,
): OpImpls<'stagePhoto' | 'dropPhoto' | 'downscaleStagedPhoto' | 'stageKeptPhoto'> {
  const undecodable = <T>(field: string): Result<T> => fail(worded('PHOTO_UNDECODABLE', msg('errors', 'photo.undecodable'), { field }));

  return {
    stagePhoto: async ({ name, bytes }) => {
      const { photo, evicted } = stage.put(name, bytes);
      return ok(infoOf(photo, evicted));
    },
    dropPhoto: async ({ handle }) => ok({ dropped: stage.drop(handle) }),

    downscaleStagedPhoto: async ({ handle, maxSide, maxBytes }) => {
      const found = stage.get(handle);
      if (!found.found)
        return fail(
          worded('PHOTO_NOT_STAGED', msg('errors', 'issue.photoNotStaged', { field: 'handle', reason: found.reason }), {
            field: 'handle',
            reason: found.reason,
          }),
        );
      const limits = { maxSide: maxSide ?? IMAGE_LIMITS.maxSide, maxBytes: maxBytes ?? IMAGE_LIMITS.maxBytes };
      const started = performance.now();
      try {
        const fitted = await fitWithin(found.photo.bytes, limits);
        const elapsedMs = Math.round((performance.now() - started) * 10) / 10;
        // The source stays staged: the form drops it when it shows the fitted copy instead.
        const { photo, evicted } = stage.put(copyName(found.photo.name, 'fitted'), fitted.bytes);
        return ok({ ...(await withPreview(photo, evicted)), fitted: { width: fitted.width, height: fitted.height }, elapsedMs });
      } catch (e) {
        if (!(e instanceof DownscaleError)) throw e;
        if (e.code === 'undecodable') return undecodable('handle');
        return fail(
          worded('PHOTO_CANNOT_FIT', msg('errors', 'photo.cannotFit', { max: formatBytes(limits.maxBytes) }), { field: 'handle' }),
        );
      }
    },

    stageKeptPhoto: async ({ sha256, name }) => {
      const bytes = deps.history.photo(sha256);
      if (!bytes) return fail(worded('NOT_FOUND', msg('errors', 'photo.notKept'), { field: 'sha256' }));
      const { photo, evicted } = stage.put(name, bytes);
      // The stored copy is what the call sent only if it still hashes to the recorded SHA-256 (hashed once, by the stage).
      if (photo.sha256 !== sha256) {
        stage.drop(photo.handle);
        return fail(worded('PHOTO_KEPT_CHANGED', msg('errors', 'photo.keptChanged'), { field: 'sha256' }));
      }
      try {
        return ok(await withPreview(photo, evicted));
      } catch (e) {
        if (!(e instanceof DownscaleError)) throw e;
        // Staged all the same (the service judges it); the form shows it without a preview.
        return ok({ photo: infoOf(photo, evicted), preview: { dataBase64: '' } });
      }
    },
  };
}
