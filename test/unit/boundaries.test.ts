import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import boundaries of docs/architecture.md are lint rules; these tests run the real linter on probe
// sources placed (virtually) in each layer, so a loosened rule fails here.
const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('core imports nothing of ours outside core, and no Node or Electron', async () => {
    const code = "import '../main/services/handlers';\nimport 'node:fs';\nimport 'electron';\nimport './faceid/catalogue';\n";
    expect(await restrictedImports('core/probe.ts', code)).toHaveLength(3);
  });

  it('the renderer imports core only', async () => {
    const code =
      "import '../../main/web/server';\nimport '../../preload/index';\nimport 'electron';\nimport 'node:path';\nimport '../../core/api';\n";
    expect(await restrictedImports('renderer/features/probe.tsx', code)).toHaveLength(4);
  });

  it('only main/electron and preload import electron', async () => {
    expect(await restrictedImports('main/services/probe.ts', "import 'electron';\n")).toHaveLength(1);
    expect(await restrictedImports('main/electron/probe.ts', "import 'electron';\n")).toHaveLength(0);
    expect(await restrictedImports('preload/probe.ts', "import 'electron';\n")).toHaveLength(0);
  });
});
