export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  notes: string[];
  /** One line per failed test: where, its name, the first line of its error. */
  failures: string[];
}
export interface RunnerRun {
  name: string;
  kind: 'vitest' | 'playwright';
  ok: boolean;
  report: unknown;
  why?: string;
}
export function vitestCounts(report: unknown): Counts;
export function playwrightCounts(report: unknown): Counts;
export function summarise(runs: RunnerRun[]): Counts;
