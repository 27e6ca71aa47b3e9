/**
 * A faster `Concat` for tfjs's WASM backend, for one shape it handles slowly. face-api builds its
 * per-channel mean image for every pass by concatenating three one-channel tensors on the last axis
 * (`normalize` in tiny_face_detector and the landmark net); the WASM kernel copies such a concat
 * with one `TypedArray.set` per pixel and channel — 520 000 calls at a 416 px input, ≈ 40 % of a
 * tiny_face_detector pass. Here a concat whose rows are short is copied with a plain loop; every
 * other concat goes to tfjs's own kernel. Same values, same dtypes: only the copy loop differs.
 */
import type * as Tf from '@tensorflow/tfjs';

/** At most this many values per output row: the plain loop; longer rows: tfjs's block copies. */
const SHORT_ROW = 64;

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: Tf.DataType): Tf.TensorInfo;
  typedArrayFromHeap(t: Tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/** Replaces the WASM backend's Concat kernel once (later calls do nothing). */
export function installFastConcat(tf: typeof Tf): void {
  const original = tf.getKernel('Concat', 'wasm');
  if (!original || (original as { fastConcat?: boolean }).fastConcat) return;
  const kernelFunc: Tf.KernelFunc = (args) => {
    const inputs = args.inputs as unknown as Tf.TensorInfo[];
    const first = inputs[0];
    if (!first) return original.kernelFunc(args);
    const axis = tf.util.parseAxisParam((args.attrs as { axis: number | number[] }).axis, first.shape)[0] ?? 0;
    const rows = inputs.map((t) => tf.util.sizeFromShape(t.shape.slice(axis)));
    const rowLength = rows.reduce((s, n) => s + n, 0);
    const plain =
      first.dtype !== 'string' &&
      rowLength <= SHORT_ROW &&
      inputs.every((t) => t.dtype === first.dtype && t.shape.length === first.shape.length && tf.util.sizeFromShape(t.shape) > 0);
    if (!plain) return original.kernelFunc(args);
    const backend = args.backend as WasmBackendLike;
    const out = backend.makeOutput(
      tf.backend_util.computeOutShape(
        inputs.map((t) => t.shape),
        axis,
      ),
      first.dtype,
    );
    const target = backend.typedArrayFromHeap(out);
    const outer = tf.util.sizeFromShape(first.shape.slice(0, axis));
    let column = 0;
    inputs.forEach((input, i) => {
      const source = backend.typedArrayFromHeap(input);
      const n = rows[i] ?? 0;
      for (let r = 0; r < outer; r++) {
        const from = r * n;
        const to = r * rowLength + column;
        for (let k = 0; k < n; k++) target[to + k] = source[from + k] as number;
      }
      column += n;
    });
    return out;
  };
  tf.unregisterKernel('Concat', 'wasm');
  tf.registerKernel({ ...original, kernelFunc, fastConcat: true } as Tf.KernelConfig);
}
