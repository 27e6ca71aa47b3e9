/**
 * The face detector behind the pre-check: @vladmandic/face-api (MIT) on TensorFlow.js with the
 * WASM backend, its models and .wasm files read from the installed packages — nothing is
 * downloaded. The `node-wasm` build is the one that runs under plain Node and Electron without
 * tfjs-node (a native addon not installable here). Runs inside the pre-check worker only.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as FaceApiModule from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import type * as Tf from '@tensorflow/tfjs';
import { poseFromLandmarks } from '../../core/precheck/pose';
import type { DetectedFace } from '../../core/precheck/judge';

type FaceApi = typeof FaceApiModule;

// Not named `require`: the bundler declares one of its own in ESM output.
const nodeRequire = createRequire(import.meta.url);

export const DETECTOR_NAME = 'face-api ssd_mobilenetv1 + face_landmark_68_tiny, tfjs-wasm';
// ssd_mobilenetv1 rather than tiny_face_detector: on the fixture set the tiny one missed two of
// three faces in group photos and most turned faces (27 of 45 answers right, against 37 of 45),
// for about a third of the time.
/** Low on purpose: judge.ts applies the counting threshold, so the raw answer keeps near misses. */
const SCORE_FLOOR = 0.3;

let loading: Promise<FaceApi> | undefined;
// The same tfjs instance face-api's node-wasm build requires (one module cache).
const tf = nodeRequire('@tensorflow/tfjs') as typeof Tf;

async function load(): Promise<FaceApi> {
  const faceapi = nodeRequire('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
  const wasm = nodeRequire('@tensorflow/tfjs-backend-wasm') as { setWasmPaths: (prefix: string, usePlatformFetch?: boolean) => void };
  wasm.setWasmPaths(`${join(dirname(nodeRequire.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`);
  await tf.setBackend('wasm');
  await tf.ready();
  const models = join(dirname(nodeRequire.resolve('@vladmandic/face-api/package.json')), 'model');
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(models);
  await faceapi.nets.faceLandmark68TinyNet.loadFromDisk(models);
  return faceapi;
}

/** Loads the backend and models once; later calls share the first load. */
export function loadDetector(): Promise<FaceApi> {
  loading ??= load().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

/** Faces in an RGB image (HWC, 8 bits), turned clockwise by `rotation` first; boxes in fractions of the turned image. */
export async function detectFaces(rgb: Uint8Array, width: number, height: number, rotation: 0 | 90 | 180 | 270): Promise<DetectedFace[]> {
  const faceapi = await loadDetector();
  const input = tf.tidy(() => {
    const image = tf.tensor3d(rgb, [height, width, 3], 'int32');
    // Clockwise quarter turns: transpose then mirror left-right is 90°.
    if (rotation === 90) return tf.reverse(tf.transpose(image, [1, 0, 2]), 1);
    if (rotation === 180) return tf.reverse(image, [0, 1]);
    if (rotation === 270) return tf.reverse(tf.transpose(image, [1, 0, 2]), 0);
    return image;
  });
  try {
    const [h, w] = input.shape;
    const found = await faceapi
      .detectAllFaces(input as Parameters<FaceApi['detectAllFaces']>[0], new faceapi.SsdMobilenetv1Options({ minConfidence: SCORE_FLOOR, maxResults: 20 }))
      .withFaceLandmarks(true);
    return found.map((f) => {
      const b = f.detection.box;
      const pose = poseFromLandmarks(f.landmarks.positions.map((p) => ({ x: p.x, y: p.y })));
      return { x: b.x / w, y: b.y / h, width: b.width / w, height: b.height / h, score: Math.round(f.detection.score * 1000) / 1000, ...pose };
    });
  } finally {
    input.dispose();
  }
}
