import { createSandbox, type Sandbox } from '../../main/sandbox/server';
import { expect, test } from './fixtures';

const PROD_SECRET = 'PROD-CANARY-7d1e0c';

test.describe('profiles', () => {
  let prod: Sandbox;
  test.beforeAll(async () => {
    prod = await createSandbox({ apiKey: 'prod-key-0001', apiSecret: PROD_SECRET });
  });
  test.afterAll(() => prod.close());

  test('a production profile on a second service asks before issuing, and never shows its secret', async ({ page }) => {
    const name = `Prod Jakarta ${test.info().workerIndex}-${Date.now() % 100000}`;
    await page.getByRole('button', { name: 'Profiles…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Profiles' });
    await expect(dialog).toContainText('Secrets at rest');
    await dialog.getByRole('button', { name: 'New profile' }).click();
    const editor = dialog.getByRole('form', { name: 'New profile' });
    await editor.getByLabel('Profile name').fill(name);
    await editor.getByRole('radio', { name: 'production' }).check();
    await editor.getByRole('radio', { name: 'Custom base URL' }).check();
    await editor.getByRole('textbox', { name: /^Base URL/ }).fill('http://api.example.com');
    await expect(editor).toContainText('must use HTTPS');
    await editor.getByRole('textbox', { name: /^Base URL/ }).fill(prod.baseUrl);
    await editor.getByLabel('api_key').fill('prod-key-0001');
    await editor.getByLabel('api_secret').fill(PROD_SECRET);
    await editor.getByLabel('default return_url').fill('https://bank.example/return');
    await editor.getByLabel('default notify_url').fill('https://bank.example/notify');
    await editor.getByRole('button', { name: 'Create profile' }).click();
    await expect(dialog).toContainText(`Saved “${name}”`);

    await dialog.getByRole('button', { name: `Test connection of ${name}` }).click();
    await expect(dialog).toContainText(`Key and secret accepted by ${prod.baseUrl}`);

    await dialog.getByRole('button', { name: `Edit ${name}` }).click();
    const edit = dialog.getByRole('form', { name: `Edit profile ${name}` });
    await expect(edit.getByLabel('api_secret')).toHaveValue('');
    await expect(edit).toContainText('never shown');
    await expect(edit).toContainText('…0001');
    expect(await page.content()).not.toContain(PROD_SECRET);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByLabel('Active profile').selectOption({ label: `${name} (production)` });
    await expect(page.getByTestId('profile-badge')).toContainText(name);
    await expect(page.getByTestId('profile-badge')).toContainText('production');
    await expect(page.getByRole('status', { name: 'Profile switch' })).toContainText('return_url');
    await expect(page.getByLabel('return_url')).toHaveValue('https://bank.example/return');

    // uuid is required with every comparison type; this profile has no default for it.
    await page.getByLabel('uuid').fill('customer-prod-1');
    const before = prod.tokens.size;
    await page.getByLabel('uuid').fill('customer-prod');
    await page.getByRole('button', { name: 'Issue token' }).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm production call' });
    await expect(confirm).toContainText('Issue a real token on production?');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    expect(prod.tokens.size).toBe(before);

    await page.getByRole('button', { name: 'Issue token' }).click();
    await confirm.getByRole('button', { name: 'Issue on production' }).click();
    await expect(page.getByRole('region', { name: 'Token issued' })).toBeVisible();
    expect(prod.tokens.size).toBe(before + 1);
    expect(await page.content()).not.toContain(PROD_SECRET);
  });

  test('refuses a malformed import file with a clear message', async ({ page }) => {
    await page.getByRole('button', { name: 'Profiles…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Profiles' });
    await dialog
      .getByLabel('Import profiles file')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "faceid-console-profiles", ') });
    await expect(dialog.getByRole('alert')).toContainText('The file is not JSON');
  });

  test('the built-in sandbox profile cannot be deleted', async ({ page }) => {
    await page.getByRole('button', { name: 'Profiles…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Profiles' });
    await expect(dialog.getByRole('button', { name: 'Edit Sandbox (built-in)' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Delete Sandbox (built-in)' })).toHaveCount(0);
  });
});
