/**
 * The photo pre-check's operations: analyse a photo, turn it, and the embedded sandbox's opt-in
 * face detection. Failures come back as codes (PRECHECK_UNDECODABLE, …) the renderer words.
 * The input is the photo's bytes (base64) as issueToken takes them; once photos are staged, a
 * handle can replace `photo` here and the bytes be looked up before analysePhoto.
 */
import { DEFAULT_PRECHECK_CONTEXT } from '../../core/precheck/judge';
import { fail, ok } from '../../core/result';
import { faceCheckOf } from '../precheck/face-check';
import { PrecheckError } from '../precheck/analyser';
import { rotatePhoto } from '../precheck/rotate';
import type { HandlerDeps, OpImpls } from './handlers';
import { sandboxState } from './result-ops';

type PrecheckOpName = 'analysePhoto' | 'rotatePhoto' | 'setSandboxDetectFaces';

const decode = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

export function precheckOps(deps: HandlerDeps): OpImpls<PrecheckOpName> {
  return {
    analysePhoto: async ({ photo, context }) => {
      const analyser = deps.precheck;
      if (!analyser) return fail({ code: 'PRECHECK_UNAVAILABLE', message: 'The photo pre-check is not available in this shell.' });
      try {
        return ok(await analyser.analysePhoto(decode(photo.dataBase64), context ?? DEFAULT_PRECHECK_CONTEXT));
      } catch (e) {
        if (e instanceof PrecheckError) return fail({ code: `PRECHECK_${e.code.toUpperCase()}`, field: 'photo', message: e.message });
        throw e;
      }
    },
    rotatePhoto: async ({ photo, degrees }) => {
      try {
        const turned = await rotatePhoto(decode(photo.dataBase64), degrees);
        const name = photo.name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'photo';
        return ok({ photo: { name: `${name}-rotated.jpg`, dataBase64: Buffer.from(turned.bytes).toString('base64') }, width: turned.width, height: turned.height });
      } catch {
        return fail({ code: 'PRECHECK_UNDECODABLE', field: 'photo', message: 'The photo could not be read as an image.' });
      }
    },
    setSandboxDetectFaces: async ({ on }) => {
      const s = deps.sandbox;
      if (!s) return fail({ code: 'NO_SANDBOX', message: 'No embedded sandbox is running.' });
      if (on && !deps.precheck) return fail({ code: 'PRECHECK_UNAVAILABLE', message: 'The photo pre-check is not available in this shell.' });
      s.setFaceCheck(on && deps.precheck ? faceCheckOf(deps.precheck) : undefined);
      deps.log?.(`sandbox face detection ${on ? 'on' : 'off'}`);
      return ok(sandboxState(s));
    },
  };
}
