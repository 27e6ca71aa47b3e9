import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeBigJpeg, makePng } from '../fixtures/images';
import { expect, test } from './fixtures';

test.describe('reference photos', () => {
  let dir: string;
  test.beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-photos-'));
    writeFileSync(join(dir, 'big.jpg'), makeBigJpeg());
    writeFileSync(join(dir, 'small.png'), makePng(120, 90));
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('warns about a photo over 2 MB and downscales it in one click', async ({ page }) => {
    await page.getByLabel('comparison_type').selectOption('0');
    await page.getByLabel('image_ref1 file').setInputFiles(join(dir, 'big.jpg'));
    const field = page.locator('[data-param="image_ref1"]');
    await expect(field).toContainText('uploads over 2.0 MB are believed to be refused');
    await expect(page.getByTestId('image_ref1-facts')).toContainText('4.4 MB');
    // Fitted where it is staged: the click asks for a new handle and sends no photo again.
    const asked: string[] = [];
    const listen = (r: { url(): string }) => {
      const op = /\/api\/(\w+)$/.exec(r.url())?.[1];
      if (op === 'stagePhoto' || op === 'downscaleStagedPhoto') asked.push(op);
    };
    page.on('request', listen);
    await page.getByRole('button', { name: 'Downscale to fit' }).click();
    await expect(page.getByTestId('image_ref1-facts')).toContainText('big-fitted.jpg');
    page.off('request', listen);
    expect(asked).toEqual(['downscaleStagedPhoto']);
    await expect(page.getByRole('img', { name: 'image_ref1 preview' })).toBeVisible();
    await expect(field).not.toContainText('believed to be refused');
    const size = await page.getByTestId('image_ref1-facts').innerText();
    const mb = Number(size.match(/([\d.]+) MB/)?.[1] ?? '0');
    expect(mb).toBeLessThanOrEqual(2);
    await page.getByLabel('uuid').fill('customer-big');
    await page.getByRole('button', { name: 'Issue token' }).click();
    await expect(page.getByRole('region', { name: 'Token issued' })).toBeVisible();
  });

  test('accepts a PNG chosen with the file picker and shows its pixel size', async ({ page }) => {
    await page.getByLabel('image_ref2 file').setInputFiles(join(dir, 'small.png'));
    await expect(page.getByTestId('image_ref2-facts')).toContainText('120×90 px');
    await expect(page.getByTestId('image_ref2-facts')).toContainText('PNG');
    await page.getByRole('button', { name: 'Remove image_ref2' }).click();
    await expect(page.getByTestId('image_ref2-facts')).toHaveCount(0);
  });
});
