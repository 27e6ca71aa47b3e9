import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPrecheckFixtures } from '../support/precheck-fixtures';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const shots = process.env.PRECHECK_SCREENSHOTS;

/** With PRECHECK_SCREENSHOTS set, `target` photographed at 1366×768 and 1024×700 for a person to look at. */
async function screens(page: Page, target: Locator, name: string): Promise<void> {
  if (!shots) return;
  for (const [w, h] of [
    [1366, 768],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await target.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, `${name}-${w}.png`) });
  }
}
const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

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
    await screens(page, check, 'precheck-sideways');
    const preview = page.getByRole('img', { name: 'image_ref1 preview' });
    const sides = () => preview.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    await expect.poll(async () => (await sides())[0]).toBeGreaterThan(0);
    const [wide, tall] = await sides();
    // Turned where it is staged: the click asks for a new handle and sends no photo again, nor gets one back.
    const asked: string[] = [];
    const listen = (r: { url(): string }) => {
      const op = /\/api\/(\w+)$/.exec(r.url())?.[1];
      if (op === 'stagePhoto' || op === 'rotatePhoto') asked.push(op);
    };
    page.on('request', listen);
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/rotatePhoto'));
    await check.getByRole('button', { name: 'Rotate 90°' }).click();
    const answer = (await (await answered).json()) as { ok: boolean; value: Record<string, unknown> & { photo: Record<string, unknown> } };
    expect(answer.ok).toBe(true);
    expect(Object.keys(answer.value).sort()).toEqual(['height', 'originalSha256', 'photo', 'preview', 'width']);
    expect(Object.keys(answer.value.photo).sort()).toEqual(['evicted', 'facts', 'handle', 'name', 'sha256']);
    await expect(page.getByTestId('image_ref1-facts')).toContainText('sideways-rotated.jpg');
    page.off('request', listen);
    expect(asked).toEqual(['rotatePhoto']);
    // The form shows the turned photo (the trusted side's preview): its sides swapped.
    await expect.poll(sides).toEqual([tall, wide]);
    await expect(check).toContainText('The service would likely accept it.', { timeout: 30_000 });
    await expect(check).toContainText('One face found.');
    await screens(page, preview, 'precheck-rotated');
    // Advice only: the call can still be made, by the turned photo's handle, with the scan's SHA-256 as its trail.
    await page.getByLabel('uuid').fill('customer-precheck');
    const issued = page.waitForRequest((r) => r.url().endsWith('/api/issueToken'));
    await page.getByRole('button', { name: 'Issue token' }).click();
    expect((await issued).postDataJSON()).toMatchObject({
      photos: { image_ref1: { handle: answer.value.photo.handle, originalSha256: sha256Of(join(dir, 'sideways.jpg')) } },
    });
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
