/**
 * The pre-check worker thread: decodes a photo, runs the detector upright and, unless that finds a
 * face surely, turned 90/180/270° (as the service's multi_oriented_detection does).
 * Heavy work stays here, off the event loop the console's API shares. Models load at start.
 */
import { parentPort } from 'node:worker_threads';
import type { Rotation } from '../../core/precheck/findings';
import type { OrientationTry } from '../../core/precheck/judge';
import { decodeForDetection } from './decode';
import { DETECTOR_NAME, detectFaces, loadDetector } from './detector';
import type { AnalyseReply, AnalyseRequest, ReadyMessage } from './protocol';

const TURNS: Rotation[] = [90, 180, 270];
/**
 * An upright face this certain and this straight ends the search: most photos take one pass.
 * Anything less tries every turn, since the detector also finds many sideways faces, less surely.
 */
const SURE_SCORE = 0.96;
const STRAIGHT_ROLL_DEG = 30;

type Answer = Omit<Extract<AnalyseReply, { ok: true }>, 'id'> | Omit<Extract<AnalyseReply, { ok: false }>, 'id'>;

async function analyse(bytes: Uint8Array): Promise<Answer> {
  const started = performance.now();
  let photo: Awaited<ReturnType<typeof decodeForDetection>>;
  try {
    photo = await decodeForDetection(bytes);
  } catch (e) {
    return { ok: false, code: 'undecodable', message: e instanceof Error ? e.message : String(e) };
  }
  const tries: OrientationTry[] = [];
  const upright = await detectFaces(photo.rgb, photo.rgbWidth, photo.rgbHeight, 0);
  tries.push({ rotation: 0, faces: upright });
  const sure = upright.some((f) => f.score >= SURE_SCORE && Math.abs(f.rollDeg) <= STRAIGHT_ROLL_DEG);
  if (!sure) {
    for (const rotation of TURNS) tries.push({ rotation, faces: await detectFaces(photo.rgb, photo.rgbWidth, photo.rgbHeight, rotation) });
  }
  return {
    ok: true,
    raw: { width: photo.width, height: photo.height, tries, meanLuma: photo.meanLuma, sharpness: photo.sharpness, elapsedMs: Math.round(performance.now() - started), detector: DETECTOR_NAME },
  };
}

const port = parentPort;
if (port) {
  void loadDetector().then(
    () => port.postMessage({ ready: true } satisfies ReadyMessage),
    // A failed load is reported per request (the next request retries it).
    () => undefined,
  );
  port.on('message', (request: AnalyseRequest) => {
    void (async () => {
      let reply: AnalyseReply;
      try {
        reply = { id: request.id, ...(await analyse(request.bytes)) };
      } catch (e) {
        reply = { id: request.id, ok: false, code: 'failed', message: e instanceof Error ? e.message : String(e) };
      }
      port.postMessage(reply);
    })();
  });
}
