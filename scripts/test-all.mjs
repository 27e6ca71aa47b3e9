// `npm test`: formatting, typecheck, lint, build, unit + integration (vitest), e2e + electron (Playwright).
// Every step runs even when an earlier one failed, so one run shows everything that is wrong;
// the last line totals the tests in the form CI reads: "tests: N passed, N failed, N skipped".
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { binOf } from './run.mjs';
import { summarise } from './test-summary.mjs';
import { spawnSync } from 'node:child_process';

const tmp = '.tmp/test-report';
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

const steps = [];
function step(name, pkg, args, env = {}, bin = pkg) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(process.execPath, [binOf(pkg, bin), ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  steps.push({ name, ok: r.status === 0, seconds });
  return r.status === 0;
}

step('format (prettier --check)', 'prettier', ['--check', '.'], {}, 'prettier');
step('typecheck (node side)', 'typescript', ['-p', 'tsconfig.node.json', '--noEmit'], {}, 'tsc');
step('typecheck (renderer side)', 'typescript', ['-p', 'tsconfig.web.json', '--noEmit'], {}, 'tsc');
step('typecheck (browser tests)', 'typescript', ['-p', 'tsconfig.e2e.json', '--noEmit'], {}, 'tsc');
step('lint', 'eslint', ['--max-warnings', '0', '.']);
const built = step('build', 'electron-vite', ['build', '--logLevel', 'warn']);
const vitestOk = step(
  'unit + integration (vitest)',
  'vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${tmp}/vitest.json`],
  {},
  'vitest',
);
let playwrightOk = false;
if (built) {
  playwrightOk = step(
    'e2e + electron (playwright)',
    '@playwright/test',
    ['test', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: `${tmp}/playwright.json` },
    'playwright',
  );
} else {
  steps.push({ name: 'e2e + electron (playwright)', ok: false, seconds: '0.0', note: 'not run: the build failed' });
}

const read = (f) => {
  try {
    return existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null;
  } catch {
    return null;
  }
};
const totals = summarise([
  { name: 'vitest', kind: 'vitest', ok: vitestOk, report: read(`${tmp}/vitest.json`) },
  {
    name: 'playwright',
    kind: 'playwright',
    ok: playwrightOk,
    report: built ? read(`${tmp}/playwright.json`) : null,
    why: built ? undefined : 'not run: the build failed',
  },
]);

console.log('\nSummary');
for (const s of steps) console.log(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds} s)${s.note ? ` — ${s.note}` : ''}`);
for (const note of totals.notes) console.log(`  counted as failed: ${note}`);
const shown = totals.failures.slice(0, 20);
if (shown.length > 0) console.log('failed tests:');
for (const f of shown) console.log(`  ✘ ${f}`);
if (totals.failures.length > shown.length) console.log(`  … and ${totals.failures.length - shown.length} more (see above)`);
const allOk = steps.every((s) => s.ok);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(allOk && totals.failed === 0 ? 0 : 1);
