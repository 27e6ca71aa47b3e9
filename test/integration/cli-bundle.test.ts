/**
 * The CLI as the package's `bin` runs it: the bundle electron-vite builds (out/main/cli.js), where
 * every module shares one `import.meta.url`. A module that runs itself "when it is the entry"
 * would then run beside the command asked for (the team CLI once did, answering every command
 * with its own usage). `npm test` builds before this runs; alone, it needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUNDLE = join(__dirname, '../../out/main/cli.js');
const built = existsSync(BUNDLE);
if (!built) console.log(`[cli-bundle] skipped: ${BUNDLE} is not built (npm test builds it; alone, run npm run build first).`);

describe.skipIf(!built)('the built faceid-console CLI', () => {
  it('runs only the command asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faceid-cli-bundle-'));
    try {
      const r = spawnSync(process.execPath, [BUNDLE, 'history', 'search', 'nothing-here', '--data-dir', dir, '--json'], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.stderr).not.toMatch(/Unknown option|team init/);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toBeTruthy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
