import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The support journey of issue 12, against a standalone sandbox whose secret the test knows, so
// the copied cURL command can be run for real.
const SECRET = 'sandbox-secret';
const run = promisify(execFile);
const calls = (page: Page) => page.getByRole('listbox', { name: 'Calls' });

let sandbox: ChildProcess;
let sandboxUrl = '';

test.beforeAll(async () => {
  sandbox = spawn(process.execPath, ['out/main/sandbox.js', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  sandboxUrl = await new Promise<string>((resolve, reject) => {
    let seen = '';
    sandbox.stdout?.on('data', (b: Buffer) => {
      seen += b.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (m?.[1]) resolve(m[1]);
    });
    sandbox.once('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${seen}`)));
  });
});
test.afterAll(() => {
  sandbox.kill('SIGTERM');
});

/** The Support view searched for a biz_no, its call selected: the detail region. */
async function openCall(page: Page, bizNo: string): Promise<Locator> {
  await page.getByRole('tab', { name: 'Support' }).click();
  await page.getByLabel('Search any part').fill(bizNo);
  await calls(page)
    .getByRole('option', { name: new RegExp(bizNo) })
    .click();
  return page.getByRole('region', { name: 'Call details' });
}

/** The number of the call a detail shows ("Call #12 · …"). */
async function callNumber(detail: Locator): Promise<string> {
  return ((await detail.getByText(/^Call #\d+/).textContent()) ?? '').match(/#(\d+)/)?.[1] ?? '';
}

async function issue(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) await page.getByLabel(name).fill(value);
  await page.getByRole('button', { name: 'Issue token' }).click();
  await expect(page.getByRole('region', { name: 'Token issued' })).toBeVisible();
}

test('support journey: find by a middle fragment, clone with one change, resend, follow the trail, copy the cURL and run it, import it back', async ({
  page,
  shell,
}) => {
  // The longest journey of the suite: on the shared machine under load it outlasts the default 30 s.
  test.slow();
  const tag = randomBytes(3).toString('hex');
  const headers = { 'X-FaceID-Console-Token': shell.token };
  const made = await page.request.post(`${shell.origin}/api/createProfile`, {
    headers,
    data: {
      profile: {
        name: `Support ${tag}`,
        color: '#2f855a',
        environment: 'test',
        region: 'custom',
        baseUrl: sandboxUrl,
        apiKey: 'sandbox-key',
        secret: SECRET,
        defaults: { return_url: 'https://bank.example/r', notify_url: 'https://bank.example/n' },
      },
    },
  });
  const profile = (await made.json()) as { ok: boolean; value: { id: string } };
  expect(profile.ok).toBe(true);
  await page.request.post(`${shell.origin}/api/setActiveProfile`, { headers, data: { profileId: profile.value.id } });
  await page.reload();
  await expect(page.getByTestId('profile-badge')).toContainText(`Support ${tag}`);

  // The customer's call, and another one the search must not show.
  const bizNo = `LOAN-${tag}-88213`;
  await issue(page, { biz_no: bizNo, uuid: `cust-${tag}` });
  await issue(page, { biz_no: `CARD-${tag}-1`, uuid: `cust-${tag}` });

  // Find it by a fragment from its middle, typed in another letter case.
  await page.getByRole('tab', { name: 'Support' }).click();
  const fragment = `an-${tag}-882`;
  await page.getByLabel('Search any part').fill(fragment);
  await expect(page.getByTestId('history-count')).toHaveText(`1 call matching “${fragment}”`);
  await calls(page)
    .getByRole('option', { name: new RegExp(bizNo) })
    .click();
  const detail = page.getByRole('region', { name: 'Call details' });
  await expect(detail.getByRole('heading', { level: 2 })).toContainText(bizNo);
  const originalId = await callNumber(detail);

  // Clone with one change and resend.
  await detail.getByRole('button', { name: 'Clone into form' }).click();
  await expect(page.getByLabel('uuid')).toHaveValue(`cust-${tag}`);
  await issue(page, { uuid: `cust-${tag}-b` });

  // The history shows the new call (the search that hid it is cleared), linked both ways.
  await page.getByRole('tab', { name: 'Support' }).click();
  await expect(page.getByLabel('Search any part')).toHaveValue('');
  const trail = detail.getByRole('navigation', { name: 'Clone trail' });
  await expect(trail).toContainText(`Cloned from #${originalId}`);
  await expect(calls(page).getByRole('option', { selected: true })).toContainText('↩');
  await page.screenshot({ path: '.tmp/support-trail-1366.png' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: '.tmp/support-trail-1024.png' });
  await page.setViewportSize({ width: 1366, height: 768 });
  const cloneId = await callNumber(detail);
  await trail.getByRole('button', { name: `Cloned from #${originalId}` }).click();
  await expect(detail.getByRole('heading', { level: 2 })).toContainText(bizNo);
  await expect(trail).toContainText(`Cloned as #${cloneId}`);

  // Diff the two calls side by side: the one change and the fresh biz_no stand out.
  const compare = detail.getByRole('region', { name: 'Compare two calls' });
  await expect(compare.getByLabel('Compare with call #')).toHaveValue(cloneId);
  await compare.getByRole('button', { name: 'Compare' }).click();
  await expect(compare.getByRole('row', { name: /≠ uuid/ })).toContainText(`cust-${tag}-b`);
  await expect(compare.getByRole('row', { name: /≠ biz_no/ })).toContainText(bizNo);
  await expect(compare.getByRole('row', { name: /^comparison_type/ })).toBeVisible();
  await expect(compare.getByLabel('Response body, line by line')).toContainText('"token"');
  await compare.scrollIntoViewIfNeeded();
  await compare.screenshot({ path: '.tmp/support-compare-1366.png' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await compare.screenshot({ path: '.tmp/support-compare-1024.png' });
  await page.setViewportSize({ width: 1366, height: 768 });

  // The customer view: every call for this uuid (the clone changed it), newest first.
  await detail.getByRole('button', { name: 'Every call for this uuid' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Customer view' })).toContainText(`cust-${tag}`);
  await expect(calls(page).getByRole('option')).toHaveCount(2);
  await expect(calls(page).getByRole('option').first()).toContainText(`CARD-${tag}-1`);
  await page.getByRole('button', { name: 'Show all calls' }).click();
  await expect(calls(page).getByRole('option', { name: new RegExp(`cust-${tag}-b`) })).toBeVisible();
  await calls(page)
    .getByRole('option', { name: new RegExp(bizNo) })
    .click();

  // Copy as cURL: a fresh biz_no by default; run it against the sandbox.
  await detail.getByRole('button', { name: 'Copy as cURL' }).click();
  const curl = detail.getByLabel('cURL command');
  await expect(curl).toHaveValue(/curl -sS/);
  const command = await curl.inputValue();
  expect(command).not.toContain(`biz_no=${bizNo}'`);
  const work = mkdtempSync(join(tmpdir(), 'faceid-support-'));
  try {
    const { stdout } = await run('bash', ['-c', command], { cwd: work, env: { ...process.env, FACEID_API_SECRET: SECRET } });
    expect(JSON.parse(stdout)).toHaveProperty('token');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  // Import the command back: the form is filled, the secret reference is dropped and said so.
  await page.getByRole('button', { name: 'Import call…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a call' });
  await dialog.getByLabel('Paste a cURL command').fill(command);
  await dialog.getByRole('button', { name: 'Read' }).click();
  await expect(dialog.getByRole('region', { name: 'What the paste holds' })).toContainText('api_secret: it was dropped');
  await page.screenshot({ path: '.tmp/support-import-1366.png' });
  await dialog.getByRole('button', { name: 'Fill the form' }).click();
  await expect(page.getByLabel('uuid')).toHaveValue(`cust-${tag}`);
  await expect(page.getByLabel('biz_no')).not.toHaveValue(bizNo);
});

test('the clone trail shows the call it names even when a hundred newer calls keep it off the first page', async ({ page, shell }) => {
  test.slow();
  const tag = randomBytes(3).toString('hex');
  const bizNo = `OLD-${tag}-1`;
  await issue(page, { biz_no: bizNo, uuid: `cust-${tag}` });
  const detail = await openCall(page, bizNo);
  const originalId = await callNumber(detail);
  await detail.getByRole('button', { name: 'Clone into form' }).click();
  await issue(page, { uuid: `cust-${tag}-b` });

  // A hundred newer calls (a page is 100), made through the console's own API.
  const headers = { 'X-FaceID-Console-Token': shell.token };
  for (let i = 0; i < 100; i++) {
    const r = await page.request.post(`${shell.origin}/api/issueToken`, {
      headers,
      data: {
        callId: `newer-${tag}-${i}`,
        profileId: 'sandbox',
        params: {
          return_url: 'https://bank.example/r',
          notify_url: 'https://bank.example/n',
          comparison_type: '-1',
          uuid: `newer-${tag}`,
          biz_no: `NEWER-${tag}-${i}`,
        },
        photos: {},
      },
    });
    const answer = (await r.json()) as { ok: boolean };
    expect(answer.ok, JSON.stringify(answer)).toBe(true);
  }
  await page.getByRole('tab', { name: 'Support' }).click();
  await page.getByLabel('Search any part').fill(`cust-${tag}-b`);
  await expect(page.getByTestId('history-count')).toContainText('1 call matching');
  await calls(page).getByRole('option').first().click();
  await detail
    .getByRole('navigation', { name: 'Clone trail' })
    .getByRole('button', { name: `Cloned from #${originalId}` })
    .click();
  // The search is cleared: the list's first page holds the hundred newer calls, and the detail the old one.
  await expect(page.getByLabel('Search any part')).toHaveValue('');
  await expect(calls(page).getByRole('option', { name: new RegExp(bizNo) })).toHaveCount(0);
  await expect(detail.getByRole('heading', { level: 2 })).toContainText(bizNo);
  await expect(detail.getByText(/^Call #\d+/)).toContainText(`Call #${originalId}`);
  // It stays through the list's later refresh (the view opened again reloads its first page): it still exists.
  await page.getByRole('tab', { name: 'Expert' }).click();
  const refreshed = page.waitForResponse('**/api/queryHistory');
  await page.getByRole('tab', { name: 'Support' }).click();
  await refreshed;
  await expect(detail.getByText(/^Call #\d+/)).toContainText(`Call #${originalId}`);
  await expect(detail.getByRole('heading', { level: 2 })).toContainText(bizNo);
});

test('request/response view: request line, headers, Pretty and Raw body, and the timing breakdown with the wait dominating', async ({
  page,
  shell,
}) => {
  const bizNo = `timing-${test.info().workerIndex}-${Date.now()}`;
  const fault = await page.request.put(`${shell.sandboxUrl}/sandbox/faults`, {
    data: { latencyMs: 900, operation: 'get_token', remaining: 1 },
  });
  expect(fault.ok()).toBe(true);
  await issue(page, { biz_no: bizNo, uuid: 'timing-customer' });
  const detail = await openCall(page, bizNo);
  const request = detail.getByRole('region', { name: 'Request', exact: true });
  await expect(request.getByLabel('Request line')).toContainText('POST /faceid/lite/get_token HTTP/1.1');
  await expect(request.getByLabel('Request line')).toContainText(`Host: ${new URL(shell.sandboxUrl).host}`);
  await expect(request.getByRole('table', { name: 'Request headers' })).toContainText('multipart/form-data; boundary=');
  const response = detail.getByRole('region', { name: 'Response', exact: true });
  await expect(response.getByRole('heading', { name: 'Response · HTTP 200' })).toBeVisible();
  await expect(response.getByRole('table', { name: 'Response headers' }).getByRole('row', { name: /content-type/i })).toContainText(
    'application/json',
  );

  // Pretty by default (indented JSON), Raw on request (exactly as received, one line).
  const view = response.getByRole('group', { name: 'Show the body' });
  await expect(view.getByRole('button', { name: 'Pretty' })).toHaveAttribute('aria-pressed', 'true');
  const pretty = (await response.getByLabel('Response body, formatted').textContent()) ?? '';
  expect(pretty).toMatch(/^\{\n {2}"/);
  await view.getByRole('button', { name: 'Raw' }).click();
  const raw = (await response.getByLabel('Raw response body').textContent()) ?? '';
  expect(raw).not.toContain('\n');
  expect(JSON.parse(raw)).toEqual(JSON.parse(pretty));

  // The timings: every phase measured, the wait (900 ms of latency) the largest by far.
  const timings = response.getByRole('table', { name: 'Timing, measured by this console' });
  const msOf = async (phase: string) =>
    Number(
      (
        (await timings
          .getByRole('row', { name: new RegExp(`^${phase}`) })
          .getByRole('cell')
          .first()
          .textContent()) ?? ''
      ).replace(/[^\d.]/g, ''),
    );
  const wait = await msOf('Wait for the service');
  expect(wait).toBeGreaterThanOrEqual(880);
  for (const phase of ['Connect', 'Upload', 'Download']) expect(await msOf(phase)).toBeLessThan(wait / 3);
  await expect(timings.getByRole('row', { name: /^TLS/ })).toHaveCount(0);
  await response.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '.tmp/support-exchange-1366.png', fullPage: true });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: '.tmp/support-exchange-1024.png', fullPage: true });
});

test('the profile’s client timeout: a sandbox answer slower than it is an unknown outcome', async ({ page, shell }) => {
  const headers = { 'X-FaceID-Console-Token': shell.token };
  try {
    await page.getByRole('button', { name: 'Profiles…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Profiles' });
    await dialog.getByRole('button', { name: 'Edit Sandbox (built-in)' }).click();
    const edit = dialog.getByRole('form', { name: 'Edit profile Sandbox (built-in)' });
    const field = edit.getByLabel('Client timeout (seconds)');
    await expect(field).toHaveValue('30');
    await field.fill('1');
    await edit.getByRole('button', { name: 'Save profile' }).click();
    await expect(dialog).toContainText('Saved');
    await dialog.getByRole('button', { name: 'Close' }).click();

    const fault = await page.request.put(`${shell.sandboxUrl}/sandbox/faults`, {
      data: { latencyMs: 3000, operation: 'get_token', remaining: 1 },
    });
    expect(fault.ok()).toBe(true);
    const bizNo = `slow-${test.info().workerIndex}-${Date.now()}`;
    await page.getByLabel('biz_no').fill(bizNo);
    await page.getByLabel('uuid').fill('slow-customer');
    await page.getByRole('button', { name: 'Issue token' }).click();
    await expect(page.getByRole('region', { name: 'Outcome unknown' })).toContainText('A token may have been issued');
    await page.getByRole('tab', { name: 'Support' }).click();
    await page.getByLabel('Search any part').fill(bizNo);
    await calls(page)
      .getByRole('option', { name: new RegExp(bizNo) })
      .click();
    const timings = page.getByRole('region', { name: 'Call details' }).getByRole('table', { name: 'Timing, measured by this console' });
    await expect(timings.getByRole('row', { name: /^Wait for the service/ })).toContainText('not reached');
  } finally {
    // The shell is shared by the worker's tests: give the built-in profile its default back.
    const list = (await (await page.request.post(`${shell.origin}/api/listProfiles`, { headers, data: {} })).json()) as {
      value: { id: string; color: string; defaults: Record<string, string> }[];
    };
    const sandboxProfile = list.value.find((p) => p.id === 'sandbox');
    await page.request.post(`${shell.origin}/api/updateProfile`, {
      headers,
      data: {
        profileId: 'sandbox',
        profile: {
          name: 'Sandbox (built-in)',
          color: sandboxProfile?.color ?? '#2f855a',
          environment: 'sandbox',
          region: 'custom',
          defaults: {},
          timeoutMs: 30_000,
        },
      },
    });
  }
});

test('sandbox scenes: a forced outcome is one click from the form', async ({ page }) => {
  await page.getByRole('button', { name: 'Sandbox…' }).click();
  const scenes = page.getByRole('region', { name: 'Scenes: forced outcomes' });
  await expect(scenes.getByRole('row', { name: /sandbox:no-face/ })).toContainText('only with comparison_type=0');
  await scenes.getByRole('button', { name: 'Use in form: sandbox:concurrency' }).click();
  await expect(page.getByRole('tab', { name: 'Expert' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('uuid')).toHaveValue('sandbox:concurrency');
  await page.getByLabel('biz_no').fill(`scene-${test.info().workerIndex}-${Date.now()}`);
  await page.getByRole('button', { name: 'Issue token' }).click();
  await expect(page.getByText('CONCURRENCY_LIMIT_EXCEEDED').first()).toBeVisible();
});

test('sandbox callback log: a callback links to its call in the history', async ({ page, context }) => {
  const bizNo = `callback-${test.info().workerIndex}-${Date.now()}`;
  await issue(page, { biz_no: bizNo, uuid: 'callback-customer' });
  const bizId = (await page.locator('code[data-field="biz_id"]').textContent()) ?? '';
  expect(bizId).not.toBe('');
  // The customer finishes the flow; the sandbox then calls the profile's notify_url back.
  const customer = await context.newPage();
  await customer.goto((await page.getByTestId('liveness-url').textContent()) ?? '');
  const recorded = customer.waitForResponse((r) => r.url().includes('/faceid/lite/do') && r.request().method() === 'POST');
  await customer.getByRole('button', { name: 'Liveness failed' }).click();
  expect((await recorded).status()).toBe(200);

  await page.getByRole('button', { name: 'Sandbox…' }).click();
  const log = page.getByRole('table', { name: 'Callback log' });
  // The panel re-reads the log every two seconds; the entry names the call it is about.
  const entry = log.getByRole('row').filter({ hasText: bizId }).first();
  await entry.getByRole('button', { name: /^Call #\d+$/ }).click();
  await expect(page.getByRole('tab', { name: 'Support' })).toHaveAttribute('aria-selected', 'true');
  const detail = page.getByRole('region', { name: 'Call details' });
  await expect(detail.getByRole('heading', { level: 2 })).toContainText(bizNo);
  await expect(calls(page).getByRole('option', { selected: true })).toContainText(bizNo.slice(-6));
});
