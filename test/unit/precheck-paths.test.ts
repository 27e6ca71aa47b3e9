/** The packaged app's detector files: found in app.asar.unpacked when electron-builder put them there. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packedPath, unpackedPath } from '../../main/precheck/paths';

const root = mkdtempSync(join(tmpdir(), 'faceid-asar-'));
const resources = join(root, 'resources');
mkdirSync(join(resources, 'app.asar.unpacked', 'node_modules', '@vladmandic', 'face-api', 'model'), { recursive: true });
mkdirSync(join(resources, 'app.asar.unpacked', 'out', 'main'), { recursive: true });
writeFileSync(join(resources, 'app.asar.unpacked', 'out', 'main', 'precheck-worker.js'), '');
// The archive itself is one file; Node's resolution names paths "inside" it.
writeFileSync(join(resources, 'app.asar'), 'asar');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('unpackedPath', () => {
  it('moves a path inside app.asar to app.asar.unpacked when the unpacked copy exists', () => {
    expect(unpackedPath(join(resources, 'app.asar', 'node_modules', '@vladmandic', 'face-api', 'model'))).toBe(
      join(resources, 'app.asar.unpacked', 'node_modules', '@vladmandic', 'face-api', 'model'),
    );
    expect(unpackedPath(join(resources, 'app.asar', 'out', 'main', 'precheck-worker.js'))).toBe(
      join(resources, 'app.asar.unpacked', 'out', 'main', 'precheck-worker.js'),
    );
  });

  it('keeps the path when nothing was unpacked there, or when it is not in an archive at all', () => {
    const packedOnly = join(resources, 'app.asar', 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
    expect(unpackedPath(packedOnly)).toBe(packedOnly);
    const dev = join(root, 'work', 'node_modules', '@vladmandic', 'face-api', 'model');
    expect(unpackedPath(dev)).toBe(dev);
  });

  it('does not touch a path already unpacked, nor a folder merely named like the archive', () => {
    const already = join(resources, 'app.asar.unpacked', 'out', 'main', 'precheck-worker.js');
    expect(unpackedPath(already)).toBe(already);
    expect(unpackedPath('/opt/my.app.asar.backup/model', () => true)).toBe('/opt/my.app.asar.backup/model');
  });

  it('handles Windows separators', () => {
    const seen: string[] = [];
    const moved = unpackedPath(
      'C:\\Program Files\\FaceID Console\\resources\\app.asar\\node_modules\\@tensorflow\\tfjs-backend-wasm\\dist',
      (p) => {
        seen.push(p);
        return true;
      },
    );
    expect(moved).toBe(
      'C:\\Program Files\\FaceID Console\\resources\\app.asar.unpacked\\node_modules\\@tensorflow\\tfjs-backend-wasm\\dist',
    );
    expect(seen).toEqual([moved]);
  });

  it('maps an unpacked file back into the archive, where its packages resolve', () => {
    expect(packedPath(join(resources, 'app.asar.unpacked', 'out', 'main', 'precheck-worker.js'))).toBe(
      join(resources, 'app.asar', 'out', 'main', 'precheck-worker.js'),
    );
    expect(packedPath('/work/out/main/precheck-worker.js')).toBe('/work/out/main/precheck-worker.js');
  });
});
