// The totals of `npm test`'s last line, from the test runners' JSON reports. A test file that
// cannot even load (vitest: a failed file with no tests; Playwright: a top-level error, which
// also stops every other spec) and a runner that failed without a report (its config threw, no
// Chromium, never started) each count as one failure, so the line never says "0 failed" when
// the run failed. Each failed test is also named, with the first line of its error, so the
// last lines of a long CI log say which test failed and why.

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
    failures: [],
  };
  for (const file of report.testResults ?? []) {
    const where = String(file.name).replace(`${process.cwd()}/`, '');
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'failed') counts.failures.push(`${where} › ${t.fullName ?? t.title}: ${firstLine(t.failureMessages?.[0])}`);
    }
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
      counts.failed += 1;
      counts.notes.push(`${where} did not load: ${firstLine(file.message)}`);
    }
  }
  return counts;
}

// A Playwright spec that failed (ok false; a flaky one that passed on retry is ok), named by its
// file, line and the titles of the describe blocks around it, with its first error.
// `titles` is null for a file's suite, whose title is the file name.
function failedSpecs(suite, titles, out) {
  const inner = titles === null ? [] : [...titles, suite.title];
  for (const spec of suite.specs ?? []) {
    if (spec.ok !== false) continue;
    const error = (spec.tests ?? []).flatMap((t) => t.results ?? []).find((r) => r.error)?.error;
    const where = `${suite.file ?? spec.file ?? ''}${spec.line ? `:${spec.line}` : ''}`;
    out.push(`${where} › ${[...inner, spec.title].join(' › ')}: ${firstLine(error?.message ?? '')}`);
  }
  for (const child of suite.suites ?? []) failedSpecs(child, inner, out);
  return out;
}

/** Counts of a Playwright JSON report (reporter "json"). */
export function playwrightCounts(report) {
  const s = report.stats ?? {};
  const errors = report.errors ?? [];
  const failures = [];
  for (const suite of report.suites ?? []) failedSpecs(suite, null, failures);
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: (s.unexpected ?? 0) + errors.length,
    skipped: s.skipped ?? 0,
    notes: errors.map((e) => `run error: ${firstLine(e.message ?? e.value)}`),
    failures,
  };
}

/**
 * Totals over the runners. Each run: its name, whether its process succeeded, its parsed report
 * (or null when none was written) and which counter reads it.
 */
export function summarise(runs) {
  const total = { passed: 0, failed: 0, skipped: 0, notes: [], failures: [] };
  for (const run of runs) {
    const c = run.report
      ? run.kind === 'vitest'
        ? vitestCounts(run.report)
        : playwrightCounts(run.report)
      : { passed: 0, failed: 0, skipped: 0, notes: [], failures: [] };
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
    total.failures.push(...c.failures.map((f) => `${run.name}: ${f}`));
  }
  return total;
}
