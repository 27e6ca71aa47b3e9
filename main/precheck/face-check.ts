/** The pre-check as the sandbox's FaceCheck: the same detector decides NO_FACE_FOUND / MULTIPLE_FACES. */
import type { FaceCheck } from '../sandbox/get-token';
import { PrecheckError, type PhotoAnalyser } from './analyser';

/** A request arriving while the detector loads waits for it this long at most (each ask waits loadPatienceMs). */
const LOAD_WAIT_MS = 60_000;

/** The likely answer only: the sandbox needs no findings. */
export const faceCheckOf =
  (analyser: PhotoAnalyser): FaceCheck =>
  async (bytes, context) => {
    const giveUp = Date.now() + LOAD_WAIT_MS;
    for (;;) {
      try {
        return (await analyser.analysePhoto(bytes, context)).likelyAnswer;
      } catch (e) {
        if (!(e instanceof PrecheckError) || e.code !== 'loading' || Date.now() > giveUp) throw e;
      }
    }
  };
