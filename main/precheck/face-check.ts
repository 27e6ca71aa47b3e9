/** The pre-check as the sandbox's FaceCheck: the same detector decides NO_FACE_FOUND / MULTIPLE_FACES. */
import type { FaceCheck } from '../sandbox/get-token';
import type { PhotoAnalyser } from './analyser';

/** The likely answer only: the sandbox needs no findings. */
export const faceCheckOf =
  (analyser: PhotoAnalyser): FaceCheck =>
  async (bytes, context) =>
    (await analyser.analysePhoto(bytes, context)).likelyAnswer;
