/**
 * The sandbox's scenes as the panel lists them: every magic uuid with the outcome it forces, so a
 * support agent can reproduce a customer's error without knowing the values by heart.
 */
import type { SandboxScene } from '../../core/api';
import { MAX_FAULT_LATENCY_MS } from '../../core/sandbox-faults';
import { MAGIC_UUIDS } from './defaults';
import { MAGIC_TRANSPORT_UUIDS } from './faults';

export const SANDBOX_SCENES: readonly SandboxScene[] = [
  { uuid: MAGIC_UUIDS.noFace, answer: 'NO_FACE_FOUND', httpStatus: 400, needsReference: true },
  { uuid: MAGIC_UUIDS.multipleFaces, answer: 'MULTIPLE_FACES', httpStatus: 400, needsReference: true },
  { uuid: MAGIC_UUIDS.concurrency, answer: 'CONCURRENCY_LIMIT_EXCEEDED', httpStatus: 403 },
  { uuid: MAGIC_UUIDS.internalError, answer: 'INTERNAL_ERROR', httpStatus: 500 },
  { uuid: MAGIC_UUIDS.unauthorized, answer: 'AUTHORIZATION_ERROR', httpStatus: 403 },
  { uuid: MAGIC_TRANSPORT_UUIDS.reset, answer: 'reset' },
  { uuid: MAGIC_TRANSPORT_UUIDS.proxy502, answer: 'proxy-502', httpStatus: 502 },
  { uuid: MAGIC_TRANSPORT_UUIDS.trickle, answer: 'trickle' },
  { uuid: `${MAGIC_TRANSPORT_UUIDS.latencyPrefix}3000`, answer: 'latency', maxLatencyMs: MAX_FAULT_LATENCY_MS },
];
