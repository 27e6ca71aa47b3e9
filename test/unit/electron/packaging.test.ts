import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// electron-builder's own YAML reader and JSON schema, so an option it would not recognise fails here.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
  definitions: Record<string, { properties?: Record<string, unknown> }>;
};

describe('packaging', () => {
  const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as { electronFuses?: Record<string, unknown> };

  it('flips the fuses that close the ways into the trusted process', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('uses only fuse names electron-builder knows', () => {
    const known = Object.keys(scheme.definitions.FuseOptionsV1?.properties ?? {});
    expect(known.length).toBeGreaterThan(5);
    for (const name of Object.keys(config.electronFuses ?? {})) expect(known, name).toContain(name);
  });

  it('keeps Electron pinned at 45.3.4', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies.electron).toBe('45.3.4');
  });

  it('imports Electron only in the shell entry, so every rule beside it runs and is tested under Node', () => {
    const importers = readdirSync('main/electron')
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from '(electron|electron-store)'/.test(readFileSync(`main/electron/${f}`, 'utf8')));
    expect(importers).toEqual(['index.ts']);
  });
});
