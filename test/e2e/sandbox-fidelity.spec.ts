/**
 * The sandbox's liveness page in Chromium: redirect_type=1 with action_http_method=GET takes the
 * liveness page out of the browser's history (Back returns to the merchant's page before the
 * flow), redirect_type=0 does not; and the console's Sandbox panel switches strict/lenient.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getToken } from '../../main/faceid/client';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';
import { expect, test } from './fixtures';

let sandbox: Sandbox;
let merchant: Server;
let merchantUrl = '';

test.beforeAll(async () => {
  sandbox = await createSandbox({ apiKey: 'rt-key', apiSecret: 'rt-secret', notifyRetryDelaysMs: [] });
  // The merchant's site: a start page linking to the liveness flow, and the return_url page.
  merchant = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://merchant.invalid');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    if (url.pathname === '/start')
      res.end(`<!doctype html><title>Merchant start</title><a href="${url.searchParams.get('go') ?? ''}">Verify me</a>`);
    else
      res.end(
        `<!doctype html><title>Merchant return</title><h1>Back at the merchant</h1><p id="biz">${url.searchParams.get('biz_id') ?? ''}</p>`,
      );
  });
  await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
  merchantUrl = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => merchant.close(resolve));
});

async function livenessLink(redirectType: string): Promise<string> {
  const r = await getToken({
    baseUrl: sandbox.baseUrl,
    apiKey: 'rt-key',
    apiSecret: 'rt-secret',
    params: {
      return_url: `${merchantUrl}/return`,
      notify_url: 'https://bank.example/n',
      biz_no: `rt-${redirectType}-${Date.now()}`,
      comparison_type: '-1',
      uuid: 'u-1',
      action_http_method: 'GET',
      redirect_type: redirectType,
    },
    photos: {},
  });
  if (r.outcome !== 'issued') throw new Error(JSON.stringify(r));
  return `${sandbox.baseUrl}/faceid/lite/do?token=${r.token}`;
}

for (const [redirectType, backTo] of [
  ['1', 'the merchant page before the flow'],
  ['0', 'the liveness page'],
] as const) {
  test(`redirect_type=${redirectType} with GET: after the flow, Back returns to ${backTo}`, async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const link = await livenessLink(redirectType);
    const start = `${merchantUrl}/start?go=${encodeURIComponent(link)}`;
    await page.goto(start);
    await page.getByRole('link', { name: 'Verify me' }).click();
    await expect(page.getByRole('heading', { name: /Liveness check/ })).toBeVisible();
    await page.getByRole('button', { name: 'Passed' }).click();
    await expect(page.getByRole('heading', { name: 'Back at the merchant' })).toBeVisible();
    await expect(page.locator('#biz')).toHaveText(/^\d{10},/);
    await page.goBack();
    if (redirectType === '1') await expect(page).toHaveURL(start);
    else await expect(page).toHaveURL(link);
    await context.close();
  });
}

test('the Sandbox panel switches the embedded sandbox to lenient and back, and lists what it accepted on trust', async ({
  page,
  shell,
}) => {
  await page.getByRole('button', { name: 'Sandbox…' }).click();
  const panel = page.getByRole('dialog', { name: 'Sandbox' });
  const lenient = panel.getByRole('switch', { name: 'Lenient sandbox' });
  await expect(lenient).not.toBeChecked();
  await expect(panel).toContainText('Strict (default)');
  // The switch shows the sandbox's state, so it flips once the trusted side has applied it.
  await lenient.click();
  await expect(lenient).toBeChecked();
  await expect(panel).toContainText('Lenient: values the vendor has not ruled out');
  try {
    // An experimenter's call with an unlisted procedure_type, through the console's own API (the
    // embedded sandbox's credentials are drawn per launch and known only to the built-in profile).
    const answer = await page.request.post(`${shell.origin}/api/issueToken`, {
      headers: { 'X-FaceID-Console-Token': shell.token, 'Content-Type': 'application/json' },
      data: {
        callId: 'e2e-trust-call-1',
        profileId: 'sandbox',
        params: {
          return_url: 'https://bank.example/r',
          notify_url: 'https://bank.example/n',
          biz_no: 'e2e-trust-1',
          comparison_type: '-1',
          uuid: 'u',
          procedure_type: 'meglive_flash',
        },
        photos: {},
      },
    });
    expect(await answer.json()).toMatchObject({ ok: true, value: { outcome: 'issued' } });
    const row = panel.getByRole('table', { name: 'Accepted on trust' }).getByRole('row', { name: /e2e-trust-1/ });
    await expect(row).toContainText('procedure_type');
    await expect(row).toContainText('meglive_flash');
    await expect(row).toContainText('flash');
    expect(await page.content()).not.toContain('sandbox-secret');
  } finally {
    await lenient.click();
  }
  await expect(lenient).not.toBeChecked();
  await expect(panel).toContainText('Strict (default)');
});
