import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playwrightCounts, summarise, vitestCounts } from '../../scripts/test-summary.mjs';

// Real reports (trimmed): vitest with one passing, one failing, one skipped and one todo test plus
// a file with a missing import and one with a syntax error; Playwright with a spec that fails to
// load (which stops the whole run), and one with a passing, a failing and a skipped test.
const report = (name: string): unknown => JSON.parse(readFileSync(`test/fixtures/reports/${name}.json`, 'utf8'));

describe('npm test totals', () => {
  it('counts each vitest file that failed to load as a failure, besides the failed tests', () => {
    const c = vitestCounts(report('vitest-with-load-errors'));
    expect(c).toMatchObject({ passed: 1, failed: 3, skipped: 2 });
    expect(c.notes).toEqual([
      expect.stringMatching(/broken\.test\.ts did not load: Cannot find module '\.\/does-not-exist'/),
      expect.stringMatching(/syntax\.test\.ts did not load: Transform failed/),
    ]);
  });

  it('counts a Playwright load error as a failure although its stats say nothing failed', () => {
    const c = playwrightCounts(report('playwright-with-load-error'));
    expect(c).toMatchObject({ passed: 0, failed: 1, skipped: 0 });
    expect(c.notes[0]).toMatch(/^run error: .*does-not-exist/);
  });

  it('reads passed, failed and skipped Playwright tests', () => {
    expect(playwrightCounts(report('playwright-mixed'))).toEqual({
      passed: 1,
      failed: 1,
      skipped: 1,
      notes: [],
      failures: ['ok.spec.ts › fails: '],
    });
  });

  // The last lines of a CI log are often all that is shown: they must say which test failed.
  it('names each failed test with where it is and the first line of its error', () => {
    expect(vitestCounts(report('vitest-with-load-errors')).failures).toEqual([
      'test/ok.test.ts › fails: AssertionError: expected 1 to be 2 // Object.is equality',
    ]);
    // A real report: a failure at the top of a file and one inside two describe blocks.
    expect(playwrightCounts(report('playwright-nested-failures')).failures).toEqual([
      'nested.spec.mjs:8 › fails at top: Error: boom at top',
      'nested.spec.mjs:4 › outer › inner › fails inside: Error: expect(received).toBe(expected) // Object.is equality',
    ]);
  });

  it('counts a runner that failed without a report, or without a failed test, as one failure', () => {
    const t = summarise([
      {
        name: 'vitest',
        kind: 'vitest',
        ok: false,
        report: { numPassedTests: 5, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [] },
      },
      { name: 'playwright', kind: 'playwright', ok: false, report: null, why: 'Chromium not found' },
    ]);
    expect(t).toEqual({
      passed: 5,
      failed: 2,
      skipped: 0,
      notes: ['vitest: failed although no test failed (see its output above)', 'playwright: Chromium not found'],
      failures: [],
    });
  });

  it('adds nothing for runners that succeeded, and sums both reports', () => {
    const t = summarise([
      { name: 'vitest', kind: 'vitest', ok: false, report: report('vitest-with-load-errors') },
      {
        name: 'playwright',
        kind: 'playwright',
        ok: true,
        report: { stats: { expected: 4, unexpected: 0, flaky: 1, skipped: 2 }, errors: [] },
      },
    ]);
    expect(t).toMatchObject({ passed: 6, failed: 3, skipped: 4 });
    expect(t.notes).toHaveLength(2);
    expect(t.failures).toEqual([expect.stringMatching(/^vitest: test\/ok\.test\.ts › fails: AssertionError/)]);
  });
});
