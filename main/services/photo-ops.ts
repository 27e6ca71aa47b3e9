import type { StagedPhotoInfo } from '../../core/api';
import { ok } from '../../core/result';
import type { PhotoStage } from '../photos/stage';
import type { OpImpls } from './handlers';

/** Staging photos: once per drop, bytes in; a handle and the facts out (never the bytes back). */
export function photoOps(stage: PhotoStage): OpImpls<'stagePhoto' | 'dropPhoto'> {
  return {
    stagePhoto: async ({ name, bytes }) => {
      const { photo, evicted } = stage.put(name, bytes);
      const info: StagedPhotoInfo = { handle: photo.handle, name: photo.name, sha256: photo.sha256, facts: photo.facts, evicted };
      return ok(info);
    },
    dropPhoto: async ({ handle }) => ok({ dropped: stage.drop(handle) }),
  };
}
