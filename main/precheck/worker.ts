/**
 * The pre-check worker thread: decodes a photo and runs the detector passes the strategy asks for
 * (core/precheck/strategy.ts: tiny_face_detector upright first, turns only when that finds no
 * face, ssd_mobilenetv1 only to count a possible group or to look again where tiny found nothing).
 * Heavy work stays here, off the event loop the console's API shares. Models load at start.
 */
import { parentPort } from 'node:worker_threads';
import { runStrategy } from '../../core/precheck/strategy';
import { decodeForDetection } from './decode';
import { DETECTOR_NAME, detectFaces, loadDetector, PhotoTensors } from './detector';
import type { AnalyseReply, AnalyseRequest, ReadyMessage } from './protocol';

type Answer = Omit<Extract<AnalyseReply, { ok: true }>, 'id'> | Omit<Extract<AnalyseReply, { ok: false }>, 'id'>;

async function analyse(bytes: Uint8Array): Promise<Answer> {
  const started = performance.now();
  let photo: Awaited<ReturnType<typeof decodeForDetection>>;
  try {
    photo = await decodeForDetection(bytes);
  } catch (e) {
    return { ok: false, code: 'undecodable', message: e instanceof Error ? e.message : String(e) };
  }
  await loadDetector();
  const tensors = new PhotoTensors(photo.rgb, photo.rgbWidth, photo.rgbHeight);
  try {
    const { tries, passes } = await runStrategy((model, rotation) => detectFaces(tensors, model, rotation), photo);
    return {
      ok: true,
      raw: {
        width: photo.width,
        height: photo.height,
        tries,
        passes,
        meanLuma: photo.meanLuma,
        sharpness: photo.sharpness,
        elapsedMs: Math.round(performance.now() - started),
        detector: DETECTOR_NAME,
      },
    };
  } finally {
    tensors.dispose();
  }
}

const port = parentPort;
if (port) {
  void loadDetector().then(
    () => port.postMessage({ ready: true } satisfies ReadyMessage),
    // The analyser fails the photos waiting and starts a new worker for the next one.
    (e: unknown) => port.postMessage({ ready: false, message: e instanceof Error ? e.message : String(e) } satisfies ReadyMessage),
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
