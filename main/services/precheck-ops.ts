/**
 * The photo pre-check's operations: analyse a photo, turn it, and the embedded sandbox's opt-in
 * face detection. Failures come back as codes (PRECHECK_UNDECODABLE, …) the renderer words.
 * The input is a staged photo's handle, as issueToken takes it: the bytes already crossed the
 * boundary once, when the photo was dropped. A turned photo is staged here too (a new handle and
 * a small preview answer it), so its bytes never cross the boundary at all.
 */
import { DEFAULT_PRECHECK_CONTEXT } from '../../core/precheck/judge';
import { fail, ok, worded } from '../../core/result';
import { msg } from '../../core/i18n/render';
import { faceCheckOf } from '../precheck/face-check';
import { PrecheckError } from '../precheck/analyser';
import { rotatePhoto } from '../precheck/rotate';
import { DownscaleError } from '../photos/downscale';
import type { PhotoStage } from '../photos/stage';
import type { StagedPhotoWithPreview } from '../../core/api';
import { copyName, infoOf, withPreview } from './photo-ops';
import type { HandlerDeps, OpImpls } from './handlers';
import { sandboxState } from './result-ops';

type PrecheckOpName = 'analysePhoto' | 'rotatePhoto' | 'setSandboxDetectFaces';

/** The staged photo's name, bytes and SHA-256, or the refusal issueToken gives for a handle that is gone. */
function staged(stage: PhotoStage, handle: string) {
  const found = stage.get(handle);
  if (found.found) return { ok: true as const, name: found.photo.name, bytes: found.photo.bytes, sha256: found.photo.sha256 };
  return {
    ok: false as const,
    failure: fail(
      worded('PHOTO_NOT_STAGED', msg('console', 'precheck.notStaged', { reason: found.reason }), { field: 'photo', reason: found.reason }),
    ),
  };
}

/** The words for a pre-check failure, by its code (the worker's own detail goes to no one but the log). */
const precheckWords = (code: string) =>
  msg('console', code === 'busy' || code === 'timeout' || code === 'undecodable' ? `precheck.${code}` : 'precheck.failed');

const unavailable = () => fail(worded('PRECHECK_UNAVAILABLE', msg('console', 'precheck.unavailable')));

export function precheckOps(deps: HandlerDeps, stage: PhotoStage): OpImpls<PrecheckOpName> {
  return {
    analysePhoto: async ({ photo, context }) => {
      const analyser = deps.precheck;
      if (!analyser) return unavailable();
      const p = staged(stage, photo.handle);
      if (!p.ok) return p.failure;
      try {
        return ok(await analyser.analysePhoto(p.bytes, context ?? DEFAULT_PRECHECK_CONTEXT));
      } catch (e) {
        if (e instanceof PrecheckError) return fail(worded(`PRECHECK_${e.code.toUpperCase()}`, precheckWords(e.code), { field: 'photo' }));
        throw e;
      }
    },
    rotatePhoto: async ({ photo, degrees }) => {
      const p = staged(stage, photo.handle);
      if (!p.ok) return p.failure;
      let turned: Awaited<ReturnType<typeof rotatePhoto>>;
      try {
        turned = await rotatePhoto(p.bytes, degrees);
      } catch {
        return fail(worded('PRECHECK_UNDECODABLE', msg('console', 'precheck.undecodable'), { field: 'photo' }));
      }
      // Staged where it was made, as a downscale is: the source stays until the form drops it.
      const put = stage.put(copyName(p.name, 'rotated'), turned.bytes);
      let shown: StagedPhotoWithPreview;
      try {
        shown = await withPreview(put.photo, put.evicted);
      } catch (e) {
        if (!(e instanceof DownscaleError)) throw e;
        shown = { photo: infoOf(put.photo, put.evicted), preview: { dataBase64: '' } };
      }
      // The trail names the scan the form's photo came from: the caller's, or this photo itself.
      return ok({ ...shown, width: turned.width, height: turned.height, originalSha256: photo.originalSha256 ?? p.sha256 });
    },
    setSandboxDetectFaces: async ({ on }) => {
      const s = deps.sandbox;
      if (!s) return fail(worded('NO_SANDBOX', msg('console', 'sandbox.none')));
      if (on && !deps.precheck) return unavailable();
      await s.setFaceCheck(on && deps.precheck ? faceCheckOf(deps.precheck) : undefined);
      deps.log?.(`sandbox face detection ${on ? 'on' : 'off'}`);
      return ok(await sandboxState(s));
    },
  };
}
