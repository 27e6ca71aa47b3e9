import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// e2e runs the real renderer in Debian's Chromium (never a downloaded browser build) through the
// real browser shell. CHROMIUM_PATH points elsewhere on machines without /usr/bin/chromium.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(`Chromium not found at ${chromium}. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`);
}

export default defineConfig({
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: true,
  outputDir: '.tmp/test-results',
  projects: [
    {
      name: 'e2e',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromium,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure',
      },
    },
    { name: 'electron', testDir: 'test/electron' },
  ],
});
