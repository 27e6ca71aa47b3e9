/**
 * The sandbox's fault plans, stated once: the console's API schema (core/api.ts), the sandbox's
 * own checker (main/sandbox/faults.ts) and the sandbox panel all read these bounds.
 */
import { msg, type MessageRef } from './i18n/render';

/** What a planned fault does to the answer it hits (main/sandbox/faults.ts says how). */
export const FAULT_MODES = ['reset', 'proxy-502', 'trickle', 'concurrency'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

/** The calls a plan can target; a plan without `operation` hits whichever comes next. */
export const FAULT_OPERATIONS = ['get_token', 'get_result'] as const;
export type FaultOperation = (typeof FAULT_OPERATIONS)[number];

/** The longest added latency, ms (also the cap of the `sandbox:latency-<ms>` magic uuid). */
export const MAX_FAULT_LATENCY_MS = 30_000;
/** The most calls one plan applies to. */
export const MAX_FAULT_REMAINING = 1000;

/** A plan as set and shown: applies to the next `remaining` calls it targets (default 1). */
export interface SandboxFaultPlan {
  latencyMs?: number;
  mode?: FaultMode;
  /** Only these calls; absent: the next get_token or get_result, whichever comes first. */
  operation?: FaultOperation;
  remaining?: number;
}

/**
 * A fault plan refused: `ref` words it in the operator's language (namespace `console`), and
 * `message` keeps the English text the sandbox's own HTTP API and its log give developers.
 */
export class FaultPlanError extends Error {
  constructor(
    message: string,
    readonly ref: MessageRef,
  ) {
    super(message);
  }
}

/** Checks a plan from any source (the console's API, the sandbox's HTTP JSON); throws a FaultPlanError naming the bad field. */
export function checkFaultPlan(value: unknown): SandboxFaultPlan {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new FaultPlanError('A fault plan is a JSON object.', msg('console', 'faults.notObject'));
  const plan = value as Record<string, unknown>;
  for (const key of Object.keys(plan)) {
    if (!['latencyMs', 'mode', 'operation', 'remaining'].includes(key))
      throw new FaultPlanError(
        `Unknown fault plan field "${key}": allowed are latencyMs, mode, operation, remaining.`,
        msg('console', 'faults.unknownField', { field: key }),
      );
  }
  const wholeIn = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
  if (plan.latencyMs !== undefined && !wholeIn(plan.latencyMs, 0, MAX_FAULT_LATENCY_MS))
    throw new FaultPlanError(
      `latencyMs must be a whole number of ms from 0 to ${MAX_FAULT_LATENCY_MS}.`,
      msg('console', 'faults.latency', { max: MAX_FAULT_LATENCY_MS }),
    );
  if (plan.mode !== undefined && !(FAULT_MODES as readonly unknown[]).includes(plan.mode))
    throw new FaultPlanError(
      `mode must be one of ${FAULT_MODES.join(', ')}.`,
      msg('console', 'faults.mode', { modes: FAULT_MODES.join(', ') }),
    );
  if (plan.operation !== undefined && !(FAULT_OPERATIONS as readonly unknown[]).includes(plan.operation))
    throw new FaultPlanError(
      `operation must be one of ${FAULT_OPERATIONS.join(', ')} (or absent for either).`,
      msg('console', 'faults.operation', { operations: FAULT_OPERATIONS.join(', ') }),
    );
  if (plan.remaining !== undefined && !wholeIn(plan.remaining, 1, MAX_FAULT_REMAINING))
    throw new FaultPlanError(
      `remaining must be a whole number from 1 to ${MAX_FAULT_REMAINING}.`,
      msg('console', 'faults.remaining', { max: MAX_FAULT_REMAINING }),
    );
  const out: SandboxFaultPlan = {};
  if (plan.latencyMs !== undefined) out.latencyMs = plan.latencyMs as number;
  if (plan.mode !== undefined) out.mode = plan.mode as FaultMode;
  if (plan.operation !== undefined) out.operation = plan.operation as FaultOperation;
  out.remaining = (plan.remaining as number | undefined) ?? 1;
  return out;
}
