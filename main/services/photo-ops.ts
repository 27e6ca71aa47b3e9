import { performance } from 'node:perf_hooks';
import type { StagedPhotoInfo, StagedPhotoWithPreview } from '../../core/api';
import { IMAGE_LIMITS } from '../../core/faceid/catalogue';
import { faceidText } from '../../core/faceid/messages';
import { formatBytes } from '../../core/faceid/photo';
import { msg, type MessageRef } from '../../core/i18n/render';
import { fail, ok, type Result } from '../../core/result';
import { DownscaleError, fitWithin, previewOf } from '../photos/downscale';
import type { PhotoStage, StagedPhoto } from '../photos/stage';
import type { HandlerDeps, OpImpls } from './handlers';

const said = (ref: MessageRef) => ({ message: faceidText(ref), words: [ref] });

const infoOf = (photo: StagedPhoto, evicted: string[]): StagedPhotoInfo => ({
  handle: photo.handle,
  name: photo.name,
  sha256: photo.sha256,
  facts: photo.facts,
  evicted,
});

/** The name a fitted copy is shown under: "scan.png" → "scan-fitted.jpg". */
const fittedName = (name: string) => `${name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'photo'}-fitted.jpg`;

/**
 * Staging photos: once per drop, bytes in; a handle and the facts out (never the bytes back).
 * A downscale and a clone of a kept photo stage on this side, from bytes already here.
 */
export function photoOps(
  stage: PhotoStage,
  deps: Pick<HandlerDeps, 'history'>,
): OpImpls<'stagePhoto' | 'dropPhoto' | 'downscaleStagedPhoto' | 'stageKeptPhoto'> {
  const undecodable = <T>(field: string): Result<T> =>
    fail({ code: 'PHOTO_UNDECODABLE', field, ...said(msg('errors', 'photo.undecodable')) });
  const withPreview = async (photo: StagedPhoto, evicted: string[]): Promise<StagedPhotoWithPreview> => ({
    photo: infoOf(photo, evicted),
    preview: { dataBase64: (await previewOf(photo.bytes)).toString('base64') },
  });

  return {
    stagePhoto: async ({ name, bytes }) => {
      const { photo, evicted } = stage.put(name, bytes);
      return ok(infoOf(photo, evicted));
    },
    dropPhoto: async ({ handle }) => ok({ dropped: stage.drop(handle) }),

    downscaleStagedPhoto: async ({ handle, maxSide, maxBytes }) => {
      const found = stage.get(handle);
      if (!found.found)
        return fail({
          code: 'PHOTO_NOT_STAGED',
          field: 'handle',
          reason: found.reason,
          ...said(msg('errors', 'issue.photoNotStaged', { field: 'handle', reason: found.reason })),
        });
      const limits = { maxSide: maxSide ?? IMAGE_LIMITS.maxSide, maxBytes: maxBytes ?? IMAGE_LIMITS.maxBytes };
      const started = performance.now();
      try {
        const fitted = await fitWithin(found.photo.bytes, limits);
        const elapsedMs = Math.round((performance.now() - started) * 10) / 10;
        // The source stays staged: the form drops it when it shows the fitted copy instead.
        const { photo, evicted } = stage.put(fittedName(found.photo.name), fitted.bytes);
        return ok({ ...(await withPreview(photo, evicted)), fitted: { width: fitted.width, height: fitted.height }, elapsedMs });
      } catch (e) {
        if (!(e instanceof DownscaleError)) throw e;
        if (e.code === 'undecodable') return undecodable('handle');
        return fail({
          code: 'PHOTO_CANNOT_FIT',
          field: 'handle',
          ...said(msg('errors', 'photo.cannotFit', { max: formatBytes(limits.maxBytes) })),
        });
      }
    },

    stageKeptPhoto: async ({ sha256, name }) => {
      const bytes = deps.history.photo(sha256);
      if (!bytes) return fail({ code: 'NOT_FOUND', field: 'sha256', ...said(msg('errors', 'photo.notKept')) });
      const { photo, evicted } = stage.put(name, bytes);
      // The stored copy is what the call sent only if it still hashes to the recorded SHA-256 (hashed once, by the stage).
      if (photo.sha256 !== sha256) {
        stage.drop(photo.handle);
        return fail({ code: 'PHOTO_KEPT_CHANGED', field: 'sha256', ...said(msg('errors', 'photo.keptChanged')) });
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
