import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPrecheckFixtures } from '../support/precheck-fixtures';
import { expect, test } from './fixtures';

const shots = process.env.PRECHECK_SCREENSHOTS;

test.describe('photo pre-check', () => {
  let dir: string;
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-precheck-e2e-'));
    const set = await buildPrecheckFixtures();
    const write = (name: string, file: string) => {
      const f = set.find((x) => x.name === name);
      if (!f) throw new Error(`no fixture ${name}`);
      writeFileSync(join(dir, file), f.bytes);
    };
    write('sample3-face-1515-288', 'portrait.jpg');
    write('sample1-face-837-420-turned-270', 'sideways.jpg');
    write('sample3', 'group.jpg');
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('says a sideways photo would get NO_FACE_FOUND and turns it upright in one click', async ({ page }) => {
    test.setTimeout(90_000);
    await page.getByLabel('comparison_type').selectOption('0');
    await page.getByLabel('image_ref1 file').setInputFiles(join(dir, 'sideways.jpg'));
    const check = page.getByTestId('image_ref1-precheck');
    await expect(check).toContainText('The service would likely answer NO_FACE_FOUND.', { timeout: 60_000 });
    await expect(check).toContainText('turning it 90° clockwise');
    if (shots) {
      for (const [w, h] of [
        [1366, 768],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await check.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(shots, `precheck-sideways-${w}.png`) });
      }
    }
    await check.getByRole('button', { name: 'Rotate 90°' }).click();
    await expect(page.getByTestId('image_ref1-facts')).toContainText('sideways-rotated.jpg');
    await expect(check).toContainText('The service would likely accept it.', { timeout: 30_000 });
    await expect(check).toContainText('One face found.');
    // Advice only: the call can still be made.
    await page.getByLabel('uuid').fill('customer-precheck');
    await page.getByRole('button', { name: 'Issue token' }).click();
    await expect(page.getByRole('region', { name: 'Token issued' })).toBeVisible();
  });

  test('says a group photo would get MULTIPLE_FACES, and what changes with fail_when_ref_multiple_faces=0', async ({ page }) => {
    test.setTimeout(90_000);
    await page.getByLabel('comparison_type').selectOption('0');
    await page.getByLabel('image_ref1 file').setInputFiles(join(dir, 'group.jpg'));
    const check = page.getByTestId('image_ref1-precheck');
    await expect(check).toContainText('The service would likely answer MULTIPLE_FACES.', { timeout: 60_000 });
    await expect(check).toContainText('3 faces found.');
    await expect(check).toContainText('Crop the photo to the customer’s face only');
    if (shots) {
      await page.setViewportSize({ width: 1366, height: 768 });
      await check.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'precheck-group-1366.png') });
    }
  });

  test('switches the embedded sandbox to answer from the photo content, from its panel', async ({ page }) => {
    test.setTimeout(90_000);
    await page.getByRole('button', { name: 'Sandbox…' }).click();
    const panel = page.getByRole('dialog', { name: 'Sandbox' });
    const toggle = panel.getByRole('switch', { name: 'Detect faces in reference photos' });
    await expect(toggle).not.toBeChecked();
    // A controlled switch: it follows the trusted side's answer, so click and wait for the state.
    await toggle.click();
    await expect(toggle).toBeChecked();
    if (shots) {
      await page.setViewportSize({ width: 1024, height: 700 });
      await toggle.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'precheck-sandbox-switch-1024.png') });
    }
    await panel.getByRole('button', { name: 'Close' }).click();
    await page.getByLabel('comparison_type').selectOption('0');
    await page.getByLabel('image_ref1 file').setInputFiles(join(dir, 'group.jpg'));
    await page.getByLabel('uuid').fill('customer-group');
    await page.getByRole('button', { name: 'Issue token' }).click();
    await expect(page.getByText('MULTIPLE_FACES').first()).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Sandbox…' }).click();
    await page.getByRole('dialog', { name: 'Sandbox' }).getByRole('switch', { name: 'Detect faces in reference photos' }).click();
  });
});
