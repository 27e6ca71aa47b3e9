import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Decodes the QR code image the console rendered back to its text. */
async function decodeQr(page: Page): Promise<string | null> {
  const src = await page.getByRole('img', { name: 'QR code of the liveness link' }).getAttribute('src');
  const png = PNG.sync.read(Buffer.from((src ?? '').replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** Issues a token and returns its liveness URL, waiting for the new token (not a previous one). */
async function issueLivenessToken(page: Page): Promise<string> {
  const tokenCell = page.locator('code[data-field="token"]');
  const before = (await tokenCell.count()) > 0 ? await tokenCell.textContent() : null;
  // uuid is required with comparison_type=-1 too.
  if ((await page.getByLabel('uuid').inputValue()) === '') await page.getByLabel('uuid').fill('customer-loop');
  await page.getByRole('button', { name: 'Issue token' }).click();
  await expect(page.getByRole('region', { name: 'Token issued' })).toBeVisible();
  if (before) await expect(tokenCell).not.toHaveText(before);
  const token = await tokenCell.textContent();
  const link = page.getByTestId('liveness-url');
  await expect(link).toContainText(`token=${token}`);
  return (await link.textContent()) ?? '';
}

/** Plays the customer on a second page: opens the link, picks an outcome, waits until it is recorded. */
async function finishAs(context: BrowserContext, url: string, outcome: string): Promise<void> {
  const customer = await context.newPage();
  await customer.goto(url);
  await expect(customer.getByRole('heading', { name: /Liveness check/ })).toBeVisible();
  const recorded = customer.waitForResponse((r) => r.url().includes('/faceid/lite/do') && r.request().method() === 'POST');
  await customer.getByRole('button', { name: outcome }).click();
  expect((await recorded).status()).toBe(200);
  // Left open: closing a page while it hands over to an unreachable return_url can hang
  // Chromium; the test's context closes it.
}

test.describe('in-person verification loop', () => {
  test('the QR code decodes to the exact liveness URL of the issued token', async ({ page }) => {
    const url = await issueLivenessToken(page);
    const token = await page.locator('code[data-field="token"]').textContent();
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/faceid/lite/do\\?token=${token}$`));
    expect(await decodeQr(page)).toBe(url);
  });

  test('a passed check appears in the console, fetched once; then a failed liveness', async ({ page, context }) => {
    const url = await issueLivenessToken(page);
    const customer = await context.newPage();
    await customer.goto(url);
    await expect(customer.getByRole('heading', { name: /Liveness check/ })).toBeVisible();
    // The finished page posts the result on to return_url at once (unreachable here), so wait for
    // that hand-over rather than for the page itself.
    const handedOver = customer.waitForRequest((r) => r.url().startsWith('https://example.com/faceid/return') && r.method() === 'POST');
    await customer.getByRole('button', { name: 'Passed' }).click();
    expect((await handedOver).postData()).toMatch(/^data=.*&sign=[0-9a-f]{40}$/);

    const result = page.getByRole('region', { name: 'Verification result' });
    await expect(result).toContainText('Verified');
    await expect(result).toContainText('Liveness: passed');
    await expect(page.getByTestId('fetches-left')).toContainText('2 of 3 fetches left');
    await expect(page.getByRole('region', { name: 'Customer hand-off' })).toContainText('The customer has used this token');
    await expect(page.getByRole('img', { name: 'QR code of the liveness link' })).toHaveCount(0);
    // The token is spent: no countdown for it any more.
    await expect(page.getByTestId('countdown')).toHaveText('Used by the customer: the link works only once.');

    await finishAs(context, await issueLivenessToken(page), 'Liveness failed');
    await expect(page.getByRole('region', { name: 'Verification result' })).toContainText('Not verified');
    await expect(page.getByRole('region', { name: 'Verification result' })).toContainText('Liveness: failed');
  });

  test('a token whose page the customer has opened shows no QR code and no countdown, before any result', async ({ page, context }) => {
    const url = await issueLivenessToken(page);
    const customer = await context.newPage();
    await customer.goto(url);
    await expect(customer.getByRole('heading', { name: /Liveness check/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Customer hand-off' })).toContainText('The customer has used this token (PROCESSING)');
    await expect(page.getByRole('img', { name: 'QR code of the liveness link' })).toHaveCount(0);
    await expect(page.getByTestId('countdown')).toHaveText('Used by the customer: the link works only once.');
  });

  test('an expired token says so instead of showing a dead QR code', async ({ page }) => {
    await page.clock.install();
    await page.reload();
    await page.getByLabel('scene_id').fill('sandbox-1min');
    await issueLivenessToken(page);
    await expect(page.getByRole('img', { name: 'QR code of the liveness link' })).toBeVisible();
    await page.clock.fastForward('02:00');
    await expect(page.getByRole('region', { name: 'Customer hand-off' })).toContainText('This token expired');
    await expect(page.getByRole('img', { name: 'QR code of the liveness link' })).toHaveCount(0);
  });

  test('a pasted callback is verified with the profile secret, and a one-byte change is caught', async ({ page, context, shell }) => {
    await finishAs(context, await issueLivenessToken(page), 'Liveness failed');
    const biz = (await page.locator('code[data-field="biz_id"]').textContent()) ?? '';
    let entry: { data: string; sign: string } | undefined;
    await expect(async () => {
      const log = (await (await page.request.get(`${shell.sandboxUrl}/sandbox/callbacks`)).json()) as {
        callbacks: { kind: string; data: string; sign: string }[];
      };
      entry = log.callbacks.find((c) => c.kind === 'notify' && c.data.includes(biz));
      expect(entry).toBeDefined();
    }).toPass({ timeout: 5000 });
    const data = entry?.data ?? '';
    const sign = entry?.sign ?? '';

    await page.getByRole('button', { name: 'Verify callback…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verify callback' });
    await dialog.getByLabel('data (exactly as received)').fill(data);
    await dialog.getByLabel('sign', { exact: true }).fill(sign);
    await dialog.getByRole('button', { name: 'Verify' }).click();
    const verdict = dialog.getByRole('region', { name: 'Signature verdict' });
    await expect(verdict).toContainText('Signature valid');
    await expect(verdict).toContainText('Genuine: signed with the secret of “Sandbox (built-in)”.');
    await expect(verdict).toContainText('Liveness: failed');
    await dialog.getByLabel('data (exactly as received)').fill(data.replace('"FAIL"', '"PASS"'));
    await dialog.getByRole('button', { name: 'Verify' }).click();
    await expect(verdict).toContainText('Signature NOT valid');
    await expect(verdict).toContainText('data or sign was altered, or another secret signed it');
    // A tampered payload is only an untrusted claim: no reading of it as a result.
    await expect(verdict.getByRole('region', { name: 'Untrusted claim' })).toContainText('"PASS"');
    await expect(verdict).not.toContainText('Verified');
    await expect(verdict).not.toContainText('Liveness: passed');
    await expect(verdict).not.toContainText('match at');
    expect(await page.content()).not.toContain('sandbox-secret');
  });

  test('the sandbox panel injects a proxy 502, which the console reports as an unknown outcome', async ({ page }) => {
    await page.getByRole('button', { name: 'Sandbox…' }).click();
    const panel = page.getByRole('dialog', { name: 'Sandbox' });
    await panel.getByLabel('Failure').selectOption('proxy-502');
    await panel.getByRole('button', { name: 'Apply' }).click();
    await expect(panel.getByRole('status')).toContainText('proxy-502');
    await panel.getByRole('button', { name: 'Close' }).click();
    await page.getByLabel('uuid').fill('customer-502');
    await page.getByRole('button', { name: 'Issue token' }).click();
    const unknown = page.getByRole('region', { name: 'Outcome unknown' });
    await expect(unknown).toContainText('HTTP 502');
    await expect(unknown).toContainText('A token may have been issued');
  });
});

test.describe('liveness details', () => {
  test('a pasted callback shows its liveness details in plain words with the API key beside', async ({ page }) => {
    const data = JSON.stringify({
      status: 'OK',
      liveness_result: {
        result: 'FAIL',
        procedure_type: 'selfie',
        details: { UPLOAD_TIMES: 2, FACE_NOT_FOUND: '1', face_side: { FACE_UPLOAD_TIMES: 1, FACE_NOT_SIDE: 1 }, NEW_COUNTER: 4 },
      },
    });
    await page.getByRole('button', { name: 'Verify callback…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verify callback' });
    await dialog.getByLabel('data (exactly as received)').fill(data);
    await dialog.getByLabel('sign', { exact: true }).fill('0'.repeat(40));
    await dialog.getByRole('button', { name: 'Verify' }).click();
    const details = dialog.getByRole('region', { name: 'Liveness details' });
    await expect(details.getByRole('row', { name: /Videos uploaded UPLOAD_TIMES/ })).toContainText('2');
    await expect(details.getByRole('row', { name: /No face found FACE_NOT_FOUND/ })).toContainText('1');
    await expect(details).toContainText('Side selfie face_side');
    await expect(details.getByRole('row', { name: /Face not turned to the side FACE_NOT_SIDE/ })).toContainText('1');
    await expect(details.getByRole('row', { name: /NEW_COUNTER/ })).toContainText('4');
  });
});
