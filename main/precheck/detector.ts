/**
 * The face detector behind the pre-check: @vladmandic/face-api (MIT) on TensorFlow.js with the
 * WASM backend, its models and .wasm files read from the installed packages — nothing is
 * downloaded. The `node-wasm` build is the one that runs under plain Node and Electron without
 * tfjs-node (a native addon not installable here). Runs inside the pre-check worker only.
 */
import { dirname, join } from 'node:path';
import type * as FaceApiModule from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import type * as Tf from '@tensorflow/tfjs';
import { poseFromLandmarks } from '../../core/precheck/pose';
import type { Rotation } from '../../core/precheck/findings';
import type { DetectedFace } from '../../core/precheck/judge';
import type { DetectorModel } from '../../core/precheck/strategy';
import { PRECHECK_LIMITS, PRECHECK_STRATEGY } from '../../core/precheck/thresholds';
import { installFastConcat } from './fast-concat';
import { installFusedTinyFaceDetector } from './fused-tiny';
import { packageRequire, unpackedPath } from './paths';

type FaceApi = typeof FaceApiModule;

// Not named `require`: the bundler declares one of its own in ESM output. Anchored inside
// app.asar even when this worker runs from app.asar.unpacked (paths.ts): the packages are there.
const nodeRequire = packageRequire(import.meta.url);

export const DETECTOR_NAME = 'face-api tiny_face_detector, ssd_mobilenetv1 to confirm + face_landmark_68_tiny, tfjs-wasm';
const TINY_INPUT: Record<Exclude<DetectorModel, 'ssd'>, number> = {
  tiny: PRECHECK_STRATEGY.tinyInputSize,
  'tiny-screen': PRECHECK_STRATEGY.screenInputSize,
  'tiny-large': PRECHECK_STRATEGY.tinyLargeInputSize,
};
/** Low on purpose: judge.ts applies the counting threshold, so the raw answer keeps near misses. */
const SSD_FLOOR = 0.3;
const TINY_FLOOR = PRECHECK_STRATEGY.faintUpright;

let loading: Promise<FaceApi> | undefined;
// The same tfjs instance face-api's node-wasm build requires (one module cache).
const tf = nodeRequire('@tensorflow/tfjs') as typeof Tf;

/** Where the packaged app keeps the detector's files: outside app.asar (see paths.ts). */
export function detectorFiles(): { wasmDir: string; modelDir: string } {
  const wasmDir = unpackedPath(join(dirname(nodeRequire.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist'));
  const modelDir = unpackedPath(join(dirname(nodeRequire.resolve('@vladmandic/face-api/package.json')), 'model'));
  return { wasmDir, modelDir };
}

async function load(): Promise<FaceApi> {
  const faceapi = nodeRequire('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
  const wasm = nodeRequire('@tensorflow/tfjs-backend-wasm') as { setWasmPaths: (prefix: string, usePlatformFetch?: boolean) => void };
  const { wasmDir, modelDir } = detectorFiles();
  // The SIMD build is picked when the runtime validates SIMD (Node 20 and Electron do); the
  // threaded build is never used under Node (tfjs disables it there: tensorflow/tfjs#3830).
  wasm.setWasmPaths(`${wasmDir}/`);
  await tf.setBackend('wasm');
  await tf.ready();
  await faceapi.nets.tinyFaceDetector.loadFromDisk(modelDir);
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
  await faceapi.nets.faceLandmark68TinyNet.loadFromDisk(modelDir);
  installFastConcat(tf);
  installFusedTinyFaceDetector(tf, faceapi.nets.tinyFaceDetector);
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

/** Whether the WASM backend runs its SIMD build (for the bench's report). */
export async function wasmFeatures(): Promise<{ simd: boolean; threads: boolean }> {
  await loadDetector();
  return {
    simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
    threads: Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
  };
}

/**
 * One decoded photo as tensors: the upright one made once, each turn made from it once, all
 * disposed together. Every pass of the strategy reuses them.
 */
export class PhotoTensors {
  private readonly turned = new Map<Rotation, Tf.Tensor3D>();

  constructor(rgb: Uint8Array, width: number, height: number) {
    this.turned.set(0, tf.tensor3d(rgb, [height, width, 3], 'int32'));
  }

  at(rotation: Rotation): Tf.Tensor3D {
    const have = this.turned.get(rotation);
    if (have) return have;
    const image = this.turned.get(0) as Tf.Tensor3D;
    // Clockwise quarter turns: transpose then mirror left-right is 90°.
    const made = tf.tidy(() => {
      if (rotation === 90) return tf.reverse(tf.transpose(image, [1, 0, 2]), 1);
      if (rotation === 180) return tf.reverse(image, [0, 1]);
      return tf.reverse(tf.transpose(image, [1, 0, 2]), 0);
    });
    this.turned.set(rotation, made);
    return made;
  }

  dispose(): void {
    for (const t of this.turned.values()) t.dispose();
    this.turned.clear();
  }
}

/**
 * Faces in the photo turned clockwise by `rotation`, boxes in fractions of the turned photo.
 * Landmarks (roll, yaw) only for the largest face the judge would count: the others are only
 * counted, and landmarks cost a network pass per face.
 */
export async function detectFaces(photo: PhotoTensors, model: DetectorModel, rotation: Rotation): Promise<DetectedFace[]> {
  const faceapi = await loadDetector();
  const input = photo.at(rotation) as Parameters<FaceApi['detectAllFaces']>[0];
  const [h, w] = photo.at(rotation).shape;
  const options =
    model === 'ssd'
      ? new faceapi.SsdMobilenetv1Options({ minConfidence: SSD_FLOOR, maxResults: 20 })
      : new faceapi.TinyFaceDetectorOptions({ inputSize: TINY_INPUT[model], scoreThreshold: TINY_FLOOR });
  const found = await faceapi.detectAllFaces(input, options);
  const faces: DetectedFace[] = found.map((d) => {
    const b = d.box;
    return { x: b.x / w, y: b.y / h, width: b.width / w, height: b.height / h, score: Math.round(d.score * 1000) / 1000 };
  });
  // The cheap look only decides where to look again: no landmarks for it.
  if (model === 'tiny-screen') return faces;
  let main = -1;
  faces.forEach((f, i) => {
    const m = faces[main];
    if (f.score >= PRECHECK_LIMITS.minScore && (!m || f.width * f.height > m.width * m.height)) main = i;
  });
  const detection = found[main];
  if (detection) {
    const [crop] = await faceapi.extractFaceTensors(input, [detection]);
    try {
      const landmarks = (await faceapi.nets.faceLandmark68TinyNet.detectLandmarks(
        crop as Parameters<FaceApi['nets']['faceLandmark68TinyNet']['detectLandmarks']>[0],
      )) as InstanceType<FaceApi['FaceLandmarks68']>;
      Object.assign(faces[main] as DetectedFace, poseFromLandmarks(landmarks.positions.map((p) => ({ x: p.x, y: p.y }))));
    } finally {
      crop?.dispose();
    }
  }
  return faces;
}
