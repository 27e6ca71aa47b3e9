#!/usr/bin/env node
// `faceid-console`: runs the CLI as built by `npm run build` (out/main/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('faceid-console is not built yet: run `npm run build` in the FaceID Console folder first.\n');
  process.exit(2);
}
await import(pathToFileURL(entry).href);
