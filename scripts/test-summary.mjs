// The totals of `npm test`'s last line, from the test runners' JSON reports. A test file that
// cannot even load (vitest: a failed file with no tests; Playwright: a top-level error, which
// also stops every other spec) and a runner that failed without a report (its config threw, no
// Chromium, never started) each count as one failure, so the line never says "0 failed" when
// the run failed.

// Strips the colour codes runners put in messages.
const firstLine = (text) =>
  String(text ?? '')
    // eslint-disable-next-line no-control-regex -- the colour codes start with ESC
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .find((l) => l.trim() !== '')
    ?.trim()
    .slice(0, 200) ?? '';

/** Counts of a vitest JSON report (reporter "json"). */
export function vitestCounts(report) {
  const counts = {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    notes: [],
  };
  for (const file of report.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
      counts.failed += 1;
      counts.notes.push(`${String(file.name).replace(`${process.cwd()}/`, '')} did not load: ${firstLine(file.message)}`);
    }
  }
  return counts;
}

/** Counts of a Playwright JSON report (reporter "json"). */
export function playwrightCounts(report) {
  const s = report.stats ?? {};
  const errors = report.errors ?? [];
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: (s.unexpected ?? 0) + errors.length,
    skipped: s.skipped ?? 0,
    notes: errors.map((e) => `run error: ${firstLine(e.message ?? e.value)}`),
  };
}

/**
 * Totals over the runners. Each run: its name, whether its process succeeded, its parsed report
 * (or null when none was written) and which counter reads it.
 */
export function summarise(runs) {
  const total = { passed: 0, failed: 0, skipped: 0, notes: [] };
  for (const run of runs) {
    const c = run.report
      ? run.kind === 'vitest'
        ? vitestCounts(run.report)
        : playwrightCounts(run.report)
      : { passed: 0, failed: 0, skipped: 0, notes: [] };
    if (!run.ok && c.failed === 0) {
      c.failed = 1;
      c.notes.push(
        run.report
          ? 'failed although no test failed (see its output above)'
          : (run.why ?? 'failed without writing a report (see its output above)'),
      );
    }
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
    total.notes.push(...c.notes.map((n) => `${run.name}: ${n}`));
  }
  return total;
}
