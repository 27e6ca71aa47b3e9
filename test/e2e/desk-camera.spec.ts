import sharp from 'sharp';
import { FAKE_CAMERA, expect, test } from './fixtures';

// Chromium's fake camera (a 640×480 test pattern) and an automatic "allow": the real getUserMedia path.
test.use(FAKE_CAMERA);

test("a reference photo from the camera, turned and cropped in one JPEG pass, keeps the original frame's hash", async ({ page, shell }) => {
  await page.getByLabel('Customer ID · uuid').fill('cust-camera');
  await page.getByRole('button', { name: 'Use camera…' }).click();
  const camera = page.getByRole('dialog', { name: 'Take the reference photo' });
  await expect.poll(() => camera.getByLabel('Camera preview').evaluate((v: HTMLVideoElement) => v.videoWidth)).toBe(640);
  await camera.getByRole('button', { name: 'Take photo' }).click();

  const crop = page.getByRole('dialog', { name: 'Crop the face' });
  await crop.getByRole('button', { name: 'Turn right' }).click();
  const area = crop.getByLabel('Picture to crop');
  const box = await area.boundingBox();
  if (!box) throw new Error('no crop area');
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.1);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  // The cropped photo is staged once, as bytes, when it is attached (the call then names its handle).
  const staged = page.waitForRequest((r) => r.url().endsWith('/api/stagePhoto'));
  await crop.getByRole('button', { name: 'Use this photo' }).click();
  const stagedBytes = (await staged).postDataBuffer();
  await expect(page.getByText(/camera-cropped\.jpg/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Compare the face/ })).toBeChecked();

  const sent = page.waitForRequest((r) => r.url().endsWith('/api/issueToken'));
  await page.getByRole('button', { name: 'Issue QR code' }).click();
  const body = (await sent).postDataJSON() as { photos: { image_ref1: { handle: string; originalSha256: string } } };
  const photo = body.photos.image_ref1;
  expect(photo.handle).toMatch(/^ph_/);
  expect(photo.originalSha256).toMatch(/^[0-9a-f]{64}$/);
  if (!stagedBytes) throw new Error('the photo was not staged as bytes');
  const meta = await sharp(stagedBytes).metadata();
  // Turned right, the 640×480 frame stands 480 wide and 640 high; the crop took 50 % of its width and 40 % of its height.
  expect(meta.format).toBe('jpeg');
  expect(Math.abs((meta.width ?? 0) - 240)).toBeLessThanOrEqual(12);
  expect(Math.abs((meta.height ?? 0) - 256)).toBeLessThanOrEqual(12);
  await expect(page.getByRole('img', { name: 'QR code of the liveness link' })).toBeVisible();

  const list = await page.request.post(`${shell.origin}/api/queryHistory`, {
    data: { filter: { text: 'cust-camera' }, limit: 1 },
    headers: { 'X-FaceID-Console-Token': shell.token },
  });
  const id = ((await list.json()) as { value: { rows: { id: number }[] } }).value.rows[0]?.id;
  const row = await page.request.post(`${shell.origin}/api/getHistoryRow`, {
    data: { id },
    headers: { 'X-FaceID-Console-Token': shell.token },
  });
  expect(((await row.json()) as { value: { photos: { originalSha256?: string }[] } }).value.photos[0]?.originalSha256).toBe(
    photo.originalSha256,
  );
});

test('the face is cropped with the keyboard only: arrows move the box, Shift+arrows resize it, Enter uses the photo', async ({
  page,
}, info) => {
  await page.getByLabel('Customer ID · uuid').fill('cust-keys');
  // Buttons are pressed with Enter, never clicked.
  await page.getByRole('button', { name: 'Use camera…' }).press('Enter');
  const camera = page.getByRole('dialog', { name: 'Take the reference photo' });
  await expect.poll(() => camera.getByLabel('Camera preview').evaluate((v: HTMLVideoElement) => v.videoWidth)).toBe(640);
  await camera.getByRole('button', { name: 'Take photo' }).press('Enter');

  const crop = page.getByRole('dialog', { name: 'Crop the face' });
  const area = crop.getByLabel('Picture to crop');
  // The dialog opens with the keyboard on the picture, its focus ring visible, the keys explained.
  await expect(area).toBeFocused();
  expect(await area.evaluate((el) => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth])).toEqual(['solid', '3px']);
  await expect(area).toHaveAccessibleDescription(/arrow keys move the crop box.*No crop box/);
  await page.keyboard.press('ArrowLeft');
  await expect(crop.getByText('Crop box: 25 % from the left, 25 % from the top, 50 % wide, 50 % high.')).toBeVisible();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowLeft');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowDown');
  await expect(crop.getByText('Crop box: 15 % from the left, 25 % from the top, 40 % wide, 60 % high.')).toBeVisible();
  // The whole dialog, its actions included, fits the smallest supported screen.
  await page.setViewportSize({ width: 1024, height: 700 });
  const dialogBox = await crop.boundingBox();
  expect(dialogBox && dialogBox.y >= 0 && dialogBox.y + dialogBox.height <= 700).toBe(true);
  await page.screenshot({ path: info.outputPath('crop-keyboard-1024.png') });

  const staged = page.waitForRequest((r) => r.url().endsWith('/api/stagePhoto'));
  await page.keyboard.press('Enter');
  const bytes = (await staged).postDataBuffer();
  await expect(crop).toBeHidden();
  await expect(page.getByText(/camera-cropped\.jpg/)).toBeVisible();
  if (!bytes) throw new Error('the photo was not staged as bytes');
  // 40 % of the 640-pixel-wide frame and 60 % of its 480 pixels: exactly 256 × 288.
  const meta = await sharp(bytes).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 256, 288]);
});

test('Esc closes the crop dialog without attaching anything', async ({ page }) => {
  await page.getByRole('button', { name: 'Use camera…' }).press('Enter');
  const camera = page.getByRole('dialog', { name: 'Take the reference photo' });
  await expect.poll(() => camera.getByLabel('Camera preview').evaluate((v: HTMLVideoElement) => v.videoWidth)).toBe(640);
  await camera.getByRole('button', { name: 'Take photo' }).press('Enter');
  const crop = page.getByRole('dialog', { name: 'Crop the face' });
  await expect(crop.getByLabel('Picture to crop')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(crop).toBeHidden();
  await expect(page.getByRole('button', { name: 'Use camera…' })).toBeVisible();
});
