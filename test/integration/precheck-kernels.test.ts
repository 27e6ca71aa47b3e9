/**
 * The pre-check's two speed-ups compute what tfjs and face-api compute: the WASM Concat for short
 * rows (fast-concat.ts) and tiny_face_detector's fused layers (fused-tiny.ts), on the real WASM
 * backend with the real model.
 */
import { createRequire } from 'node:module';
import type * as Tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDetector } from '../../main/precheck/detector';

const tf = createRequire(import.meta.url)('@tensorflow/tfjs') as typeof Tf;
let faceapi: Awaited<ReturnType<typeof loadDetector>>;

beforeAll(async () => {
  faceapi = await loadDetector();
}, 120_000);

/** The same concat worked out with plain arrays. */
function concatByHand(parts: { shape: number[]; values: number[] }[], axis: number): number[] {
  const outer = parts[0]?.shape.slice(0, axis).reduce((a, b) => a * b, 1) ?? 0;
  const out: number[] = [];
  for (let r = 0; r < outer; r++)
    for (const p of parts) {
      const row = p.shape.slice(axis).reduce((a, b) => a * b, 1);
      out.push(...p.values.slice(r * row, (r + 1) * row));
    }
  return out;
}

describe('the WASM Concat for short rows', () => {
  it('is installed and concatenates on the last axis, the middle axis and in int32 as tfjs does', () => {
    expect(tf.getBackend()).toBe('wasm');
    expect((tf.getKernel('Concat', 'wasm') as { fastConcat?: boolean } | undefined)?.fastConcat).toBe(true);
    const cases: { shapes: number[][]; axis: number; dtype: 'float32' | 'int32' }[] = [
      // face-api's per-channel mean image.
      {
        shapes: [
          [1, 3, 5, 1],
          [1, 3, 5, 1],
          [1, 3, 5, 1],
        ],
        axis: 3,
        dtype: 'float32',
      },
      {
        shapes: [
          [2, 3, 2],
          [2, 1, 2],
          [2, 4, 2],
        ],
        axis: 1,
        dtype: 'int32',
      },
      {
        shapes: [
          [4, 7],
          [4, 1],
        ],
        axis: 1,
        dtype: 'float32',
      },
      // A long row: tfjs's own kernel.
      {
        shapes: [
          [2, 50],
          [2, 30],
        ],
        axis: 1,
        dtype: 'float32',
      },
    ];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) % 1000;
    for (const c of cases) {
      const parts = c.shapes.map((shape) => ({ shape, values: Array.from({ length: shape.reduce((a, b) => a * b, 1) }, next) }));
      const got = tf.tidy(() =>
        tf.concat(
          parts.map((p) => tf.tensor(p.values, p.shape, c.dtype)),
          c.axis,
        ),
      );
      expect(got.dtype).toBe(c.dtype);
      expect(Array.from(got.dataSync())).toEqual(concatByHand(parts, c.axis));
      got.dispose();
    }
  });
});

describe("tiny_face_detector's fused layers", () => {
  it("give face-api's own forward's output", () => {
    const net = faceapi.nets.tinyFaceDetector as unknown as {
      fusedForward?: boolean;
      params: unknown;
      runMobilenet: (x: Tf.Tensor4D, p: unknown) => Tf.Tensor4D;
    };
    expect(net.fusedForward).toBe(true);
    const own = (Object.getPrototypeOf(net) as typeof net).runMobilenet;
    const [fused, original] = tf.tidy(() => {
      const x = tf.randomUniform([1, 160, 160, 3], -0.5, 0.5, 'float32', 42) as Tf.Tensor4D;
      return [net.runMobilenet(x, net.params), own.call(net, x, net.params)];
    });
    expect(fused.shape).toEqual(original.shape);
    const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(fused, original))).dataSync()[0] ?? Infinity);
    const scale = tf.tidy(() => tf.max(tf.abs(original)).dataSync()[0] ?? 0);
    expect(scale).toBeGreaterThan(0.1);
    expect(diff).toBeLessThan(1e-3 * scale);
    fused.dispose();
    original.dispose();
  });
});
