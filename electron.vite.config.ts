import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for both shells: out/main holds the Electron entry and the plain-Node entries
// (browser shell, standalone sandbox, the faceid-console CLI); out/preload the CommonJS preload (so the renderer's
// sandbox can stay on with "type": "module"); out/renderer the UI both shells serve.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('main/electron/index.ts'),
          web: resolve('main/web/cli.ts'),
          sandbox: resolve('main/sandbox/cli.ts'),
          cli: resolve('main/cli/main.ts'),
          // The pre-check's worker thread (main/precheck/analyser.ts finds it beside the bundle).
          'precheck-worker': resolve('main/precheck/worker.ts'),
          // The embedded sandbox's worker thread (main/sandbox/embedded/client.ts finds it beside the bundle).
          'sandbox-worker': resolve('main/sandbox/embedded/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      sourcemap: false,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
