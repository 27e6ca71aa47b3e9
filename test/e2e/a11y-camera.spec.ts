import { expectNoSeriousViolations } from './a11y-helpers';
import { FAKE_CAMERA, expect, test } from './fixtures';

// The desk's camera and crop dialogs under axe-core (WCAG 2.2 A/AA), opened the way a clerk opens
// them: Chromium's fake camera (a 640×480 test pattern) with an automatic "allow", as in
// desk-camera.spec.ts. A spec of its own because the camera needs its own browser launch.
test.use(FAKE_CAMERA);

test.describe('accessibility of the desk camera (axe-core, WCAG 2.2 AA)', () => {
  test.describe.configure({ timeout: 180_000 });

  test('the camera dialog with its live preview, the crop dialog before and after a crop box is drawn', async ({ page }) => {
    await page.getByLabel('Customer ID · uuid').fill('a11y-camera');
    await page.getByRole('button', { name: 'Use camera…' }).click();
    const camera = page.getByRole('dialog', { name: 'Take the reference photo' });
    await expect.poll(() => camera.getByLabel('Camera preview').evaluate((v: HTMLVideoElement) => v.videoWidth)).toBe(640);
    await expectNoSeriousViolations(page, 'the camera dialog with a live preview');

    await camera.getByRole('button', { name: 'Take photo' }).click();
    const crop = page.getByRole('dialog', { name: 'Crop the face' });
    const area = crop.getByLabel('Picture to crop');
    await expect(area).toBeFocused();
    await expectNoSeriousViolations(page, 'the crop dialog without a crop box');

    // A crop box drawn with the keyboard (arrows), with its position read out beside the picture.
    await page.keyboard.press('ArrowLeft');
    await expect(crop.getByText(/^Crop box: /)).toBeVisible();
    await crop.getByRole('button', { name: 'Turn right' }).click();
    await expectNoSeriousViolations(page, 'the crop dialog with a crop box, turned');

    await page.keyboard.press('Escape');
    await expect(crop).toBeHidden();
  });
});
