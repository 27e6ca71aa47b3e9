/**
 * What the desk needs across the boundary: a profile's desk settings and the live status of a call
 * (the verification model's state plus the result budget), as the watchCalls operation answers it.
 */
import { z } from 'zod';
import type { FetchBudget } from './faceid/fetch-budget';
import type { FlowState } from './faceid/flow-status';
import { THRESHOLD_KEYS } from './faceid/verification';

/**
 * A profile's desk settings. Choices: "match" defaults to 1e-4 (what most clients use; the vendor
 * advises 1e-5 for high-value operations); polling get_result for a real profile is off until the
 * operator allows it, since a poll that lands on a finished flow spends one of three answers.
 */
export const DeskSettingsSchema = z
  .object({
    /** The comparison level the desk calls a match, 1e-3 (lenient) … 1e-6 (strict). */
    matchLevel: z.enum(THRESHOLD_KEYS),
    /** Poll get_result while a real profile's flow runs (the embedded sandbox reports events instead). */
    pollResults: z.boolean(),
    /** Shown to the customer and printed on the record. */
    branch: z.string().max(80),
  })
  .strict();
export type DeskSettings = z.infer<typeof DeskSettingsSchema>;

export const DEFAULT_DESK_SETTINGS: DeskSettings = { matchLevel: '1e-4', pollResults: false, branch: '' };

/** Seconds between two polls of get_result for one call (a running flow's answer costs nothing). */
export const POLL_INTERVAL_MS = 5_000;

/** One call's live status, as the desk's timeline and the "Today at this desk" list show it. */
export interface CallWatch {
  historyId: number;
  state: FlowState;
  budget: FetchBudget;
  /** How the state is learnt: sandbox events, budgeted polls, or only when the operator fetches. */
  source: 'events' | 'polling' | 'manual';
}
