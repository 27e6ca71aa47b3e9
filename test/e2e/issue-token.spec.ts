import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { FORM_PARAMS } from '../../core/faceid/catalogue';
import { expect, test } from './fixtures';

/** Drops a real file on a drop zone through a DataTransfer, as a drag from the desktop does. */
async function dropFile(page: Page, zoneLabel: string, path: string, name: string, type: string): Promise<void> {
  const b64 = readFileSync(path).toString('base64');
  const transfer = await page.evaluateHandle(
    ({ b64, name, type }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type }));
      return dt;
    },
    { b64, name, type },
  );
  const zone = page.getByRole('button', { name: zoneLabel });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

test.describe('issuing a token in the browser shell', () => {
  test('issues a liveness-only token and shows token, biz_id and a countdown', async ({ page }) => {
    await expect(page.getByTestId('profile-badge')).toContainText('Sandbox (built-in)');
    await expect(page.getByLabel('comparison_type')).toHaveValue('-1');
    await page.getByLabel('uuid').fill('customer-7');
    await page.getByRole('button', { name: 'Issue token' }).click();
    const result = page.getByRole('region', { name: 'Token issued' });
    await expect(result).toBeVisible();
    await expect(result.locator('code[data-field="token"]')).toHaveText(/^[0-9a-f]{32}$/);
    await expect(result.locator('code[data-field="biz_id"]')).toHaveText(/^\d{10},[0-9a-f-]{36}$/);
    await expect(page.getByTestId('countdown')).toHaveText(/Expires in (59:[0-5]\d|1:00:00)/);
  });

  test('issues a comparison token with a JPEG dropped on image_ref1', async ({ page }) => {
    await dropFile(page, 'image_ref1 drop zone', 'test/fixtures/face.jpg', 'customer.jpg', 'image/jpeg');
    await expect(page.getByTestId('image_ref1-facts')).toContainText('320×400 px');
    await expect(page.getByTestId('image_ref1-facts')).toContainText('7 KB');
    await expect(page.getByRole('img', { name: 'image_ref1 preview' })).toBeVisible();
    await page.getByLabel('comparison_type').selectOption('0');
    await page.getByLabel('uuid').fill('customer-42');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('region', { name: 'Token issued' })).toBeVisible();
  });

  test('sends a dropped photo once, as bytes, and issues and re-issues by its handle', async ({ page }) => {
    const calls: { op: string; type: string; body: Buffer | null }[] = [];
    page.on('request', (r) => {
      const op = /\/api\/(\w+)$/.exec(r.url())?.[1];
      if (op) calls.push({ op, type: r.headers()['content-type'] ?? '', body: r.postDataBuffer() });
    });
    const bytes = readFileSync('test/fixtures/face.jpg');
    await dropFile(page, 'image_ref1 drop zone', 'test/fixtures/face.jpg', 'customer.jpg', 'image/jpeg');
    await page.getByLabel('comparison_type').selectOption('0');
    await page.getByLabel('uuid').fill('customer-43');
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: 'Issue token' }).click();
      await expect(page.getByRole('region', { name: 'Token issued' })).toBeVisible();
    }
    const staged = calls.filter((c) => c.op === 'stagePhoto');
    expect(staged).toHaveLength(1);
    expect(staged[0]?.type).toBe('application/octet-stream');
    expect(staged[0]?.body?.equals(bytes)).toBe(true);
    const issues = calls
      .filter((c) => c.op === 'issueToken')
      .map((c) => JSON.parse(c.body?.toString() ?? '{}') as { photos: { image_ref1?: { handle: string } } });
    expect(issues).toHaveLength(2);
    expect(issues[0]?.photos.image_ref1?.handle).toMatch(/^ph_/);
    expect(issues[1]?.photos.image_ref1).toEqual(issues[0]?.photos.image_ref1);
    expect(calls.filter((c) => c.op === 'issueToken').every((c) => (c.body?.length ?? 0) < 4096)).toBe(true);
  });

  test('stages the photo on screen again when the staging area evicted it, and the call goes through', async ({ page, shell }) => {
    const stagings: number[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/stagePhoto')) stagings.push(r.postDataBuffer()?.length ?? 0);
    });
    await dropFile(page, 'image_ref1 drop zone', 'test/fixtures/face.jpg', 'customer.jpg', 'image/jpeg');
    await expect.poll(() => stagings.length).toBe(1);
    // Another tab fills the staging area (8 photos at most) twice over: the form's photo is evicted,
    // even if the photo pre-check's use of it made it the most recent during the first round.
    for (let i = 0; i < 16; i++) {
      const r = await page.request.post(`${shell.origin}/api/stagePhoto`, {
        headers: { 'X-FaceID-Console-Token': shell.token, 'Content-Type': 'application/octet-stream' },
        data: readFileSync('test/fixtures/face.png'),
      });
      expect(((await r.json()) as { ok: boolean }).ok).toBe(true);
    }
    await page.getByLabel('comparison_type').selectOption('0');
    await page.getByLabel('uuid').fill('customer-44');
    await page.getByRole('button', { name: 'Issue token' }).click();
    await expect(page.getByRole('region', { name: 'Token issued' })).toBeVisible();
    const jpeg = readFileSync('test/fixtures/face.jpg').length;
    expect(stagings.filter((n) => n === jpeg)).toHaveLength(2);
  });

  test('drops the staged photo when the page goes away: its handle is then refused as dropped', async ({ page, shell }) => {
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/stagePhoto'));
    await dropFile(page, 'image_ref1 drop zone', 'test/fixtures/face.jpg', 'customer.jpg', 'image/jpeg');
    const staged = (await (await answer).json()) as { value: { handle: string } };
    await page.goto('about:blank');
    const issue = async () => {
      const r = await page.request.post(`${shell.origin}/api/issueToken`, {
        headers: { 'X-FaceID-Console-Token': shell.token, 'Content-Type': 'application/json' },
        data: {
          callId: `e2e-dropped-${Date.now()}`,
          profileId: 'sandbox',
          params: {
            return_url: 'https://bank.example/r',
            notify_url: 'https://bank.example/n',
            biz_no: `e2e-dropped-${Date.now()}`,
            comparison_type: '0',
            uuid: 'u',
          },
          photos: { image_ref1: { handle: staged.value.handle } },
        },
      });
      return ((await r.json()) as { error?: { code: string; reason?: string } }).error;
    };
    await expect.poll(issue).toMatchObject({ code: 'PHOTO_NOT_STAGED', reason: 'dropped' });
  });

  test('asks for uuid in both comparison modes and blocks Issue token while it is empty', async ({ page }) => {
    for (const mode of ['-1', '0']) {
      await page.getByLabel('comparison_type').selectOption(mode);
      await expect(page.getByLabel('uuid'), mode).toHaveAttribute('aria-required', 'true');
      await expect(page.locator('[data-param="uuid"] .required'), mode).toBeVisible();
    }
    await page.getByLabel('comparison_type').selectOption('-1');
    // The built-in sandbox profile brings a default customer id: clear it, as a new customer would.
    await page.getByLabel('uuid').fill('');
    await page.getByRole('button', { name: 'Issue token' }).click();
    await expect(page.getByRole('alert')).toContainText('1 problem to correct before anything is sent');
    await expect(page.locator('[data-param="uuid"]')).toContainText('uuid is required.');
    await expect(page.getByLabel('uuid')).toBeFocused();
    await expect(page.getByLabel('uuid')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('region', { name: 'Result' })).toContainText('No token issued yet');
  });

  test('warns about a notify_url on port 80 without blocking it; the strict sandbox then refuses it', async ({ page }) => {
    await page.getByLabel('uuid').fill('customer-80');
    await page.getByLabel('notify_url').fill('http://bank.example/notify');
    await page.getByLabel('notify_url').blur();
    const field = page.locator('[data-param="notify_url"]');
    await expect(field).toContainText(
      'uses port 80 (the default for http); the service only calls back on ports 443, 5000, 16003, 8883, 8028',
    );
    await expect(field).toContainText('over HTTP, verify the data of each callback with its sign');
    await expect(page.getByLabel('notify_url')).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Issue token' }).click();
    await expect(page.getByRole('region', { name: 'Call failed' })).toContainText('BAD_ARGUMENTS: notify_url');
    await expect(page.getByRole('list', { name: 'Warnings' })).toContainText('uses port 80');
  });

  test('refuses a non-image dropped as a photo, by its content', async ({ page }) => {
    await dropFile(page, 'image_ref1 drop zone', 'test/fixtures/not-an-image.jpg', 'passport.jpg', 'image/jpeg');
    await expect(page.locator('[data-param="image_ref1"]')).toContainText('“passport.jpg” is not an image');
    await expect(page.getByRole('img', { name: 'image_ref1 preview' })).toHaveCount(0);
  });

  test('explains a sandbox error, says where the code comes from, and highlights the field it names', async ({ page }) => {
    await page.getByLabel('uuid').fill('customer-scene');
    await page.getByLabel('scene_id').fill('no-such-scene');
    await page.getByRole('button', { name: 'Issue token' }).click();
    const failed = page.getByRole('region', { name: 'Call failed' });
    await expect(failed).toContainText('A parameter has a value the service refuses');
    await expect(failed).toContainText('BAD_ARGUMENTS: scene_id');
    await expect(failed.locator('dt', { hasText: /^error_message$/ })).toBeVisible();
    await expect(failed.getByTestId('error-provenance')).toContainText('documented for the overseas edition (sources: SEED, O-GT-CN)');
    await expect(page.getByLabel('scene_id')).toBeFocused();
    await expect(page.locator('[data-param="scene_id"]')).toContainText('The service refused this field');

    await page.getByLabel('scene_id').fill('');
    await dropFile(page, 'image_ref1 drop zone', 'test/fixtures/face.jpg', 'face.jpg', 'image/jpeg');
    await page.getByLabel('comparison_type').selectOption('0');
    await page.getByLabel('uuid').fill('sandbox:no-face');
    await page.getByRole('button', { name: 'New' }).click();
    await page.getByRole('button', { name: 'Issue token' }).click();
    const noFace = page.getByRole('region', { name: 'Call failed' });
    await expect(noFace).toContainText('No face in a reference photo');
    // Only image_ref1 was sent, so the explanation names it rather than "either photo".
    await expect(noFace).toContainText('The service found no face in image_ref1 (the only reference photo sent)');
    await expect(page.getByRole('button', { name: 'image_ref1 drop zone' })).toHaveAttribute('aria-invalid', 'true');
  });

  test('offers every advanced parameter of the catalogue, labelled with its name', async ({ page }) => {
    await page.getByText('Advanced parameters').click();
    for (const spec of FORM_PARAMS.filter((p) => p.group === 'advanced')) {
      await expect(page.getByLabel(spec.name, { exact: false }).first(), spec.name).toBeVisible();
    }
  });

  test('lets an experimenter send an unlisted language with a visible warning', async ({ page }) => {
    await page.getByLabel('uuid').fill('customer-lang');
    await page.locator('form').getByLabel('language').selectOption({ label: 'Other value…' });
    await page.locator('form').getByLabel('language (other value)').fill('5');
    await page.locator('form').getByLabel('language (other value)').blur();
    await expect(page.locator('[data-param="language"]')).toContainText('is not among the known values');
    await page.getByRole('button', { name: 'Issue token' }).click();
    // The sandbox knows only the listed values, as the service is expected to.
    await expect(page.getByRole('region', { name: 'Call failed' })).toContainText('BAD_ARGUMENTS: language');
  });

  test('prints each service default with its confidence, and offers Other value… on the third-party lists', async ({ page }) => {
    await page.getByText('Advanced parameters').click();
    await expect(page.getByLabel('fail_when_ref_multiple_faces').locator('option').first()).toHaveText(
      '— not sent (service default: 1 [inferred]) —',
    );
    await expect(page.getByLabel('get_shooting_error').locator('option').first()).toHaveText(
      '— not sent (service default: 0 [third-party]) —',
    );
    await expect(page.locator('form').getByLabel('language').locator('option').first()).toHaveText('— not sent (service default: 0) —');
    await expect(page.getByLabel('maximum_shooting_time')).toHaveAttribute('placeholder', 'service default: 15');
    await expect(page.locator('[data-param="maximum_shooting_time"]')).toContainText('the vendor advises 10–15 s');
    await page.getByLabel('fmp_mode').selectOption({ label: 'Other value…' });
    await page.getByLabel('fmp_mode (other value)').fill('2');
    await page.getByLabel('fmp_mode (other value)').blur();
    await expect(page.locator('[data-param="fmp_mode"]')).toContainText('is not among the known values');
    await expect(page.locator('[data-param="comparison_type"]')).toContainText('Sources: SEED');
  });
});
