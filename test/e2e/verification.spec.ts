import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from '@playwright/test';
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
  await page.getByRole('button', { name: 'Issue token' }).click();
  await expect(page.getByRole('region', { name: 'Token issued' })).toBeVisible();
  if (before) await expect(tokenCell).not.toHaveText(before);
  const token = await tokenCell.textContent();
  const link = page.getByTestId('liveness-url');
  await expect(link).toContainText(`token=${token}`);
  return (await link.textContent()) ?? '';
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
    await customer.close();

    const result = page.getByRole('region', { name: 'Verification result' });
    await expect(result).toContainText('Verified');
    await expect(result).toContainText('Liveness: passed');
    await expect(page.getByTestId('fetches-left')).toContainText('2 of 3 fetches left');
    await expect(page.getByRole('region', { name: 'Customer hand-off' })).toContainText('The customer has used this token');
    await expect(page.getByRole('img', { name: 'QR code of the liveness link' })).toHaveCount(0);

    const second = await issueLivenessToken(page);
    const again = await context.newPage();
    await again.goto(second);
    await again.getByRole('button', { name: 'Liveness failed' }).click();
    await again.close();
    await expect(page.getByRole('region', { name: 'Verification result' })).toContainText('Not verified');
    await expect(page.getByRole('region', { name: 'Verification result' })).toContainText('Liveness: failed');
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
});
