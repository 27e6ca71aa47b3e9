import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('team history: settings are checked, the password is write-only, and an unreachable server is named in plain words', async ({
  page,
  shell,
}) => {
  await page.getByRole('button', { name: 'Team history…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Team history' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('status').first()).toContainText('Off: calls stay on this desk only.');
  for (const [w, h] of [
    [1366, 768],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `.tmp/screens/team-${w}x${h}.png` });
  }

  await dialog.getByLabel('Port', { exact: true }).fill('99999');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('port must be 1–65535')).toBeVisible();

  // Nothing listens on port 1 of loopback: the publisher must say so, and keep the calls.
  await dialog.getByLabel('Publish to the team history').check();
  await dialog.getByLabel('Server', { exact: true }).fill('127.0.0.1');
  await dialog.getByLabel('Port', { exact: true }).fill('1');
  await dialog.getByLabel('Login role (user)').fill('desk_e2e');
  await dialog.getByLabel('Password').fill('team-canary-pw-7731');
  await dialog.getByLabel('TLS', { exact: true }).selectOption('disable');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Saved.')).toBeVisible();
  await expect(dialog.getByLabel('Password')).toHaveValue('');
  await expect(dialog.getByText('A password is stored (encrypted). Type a new one to replace it.')).toBeVisible();
  await expect(dialog.getByText(/The team server cannot be reached \(ECONNREFUSED\)/)).toBeVisible({ timeout: 10_000 });
  await page.screenshot({ path: '.tmp/screens/team-error-1024x700.png' });

  // The password is in no file of the data folder but as ciphertext.
  for (const f of readdirSync(shell.dataDir)) {
    if (f.endsWith('.json')) expect(readFileSync(join(shell.dataDir, f), 'utf8')).not.toContain('team-canary-pw-7731');
  }
  const status = await page.request.post(`${shell.origin}/api/getTeamStatus`, {
    data: {},
    headers: { 'X-FaceID-Console-Token': shell.token },
  });
  expect(await status.text()).not.toContain('team-canary-pw-7731');

  // With the team history on, the History view offers the scopes; a team scope the server cannot
  // answer says so, and this desk's own history is still there.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('tab', { name: 'Support' }).click();
  const scope = page.getByLabel('Whose calls');
  await expect(scope).toBeVisible();
  await expect(scope.locator('option')).toHaveText(['This desk', 'My branch', 'All I may see']);
  await scope.selectOption({ label: 'My branch' });
  await expect(page.getByRole('alert').filter({ hasText: 'The history could not be read' })).toContainText(
    'The team server cannot be reached (ECONNREFUSED)',
    { timeout: 10_000 },
  );
  for (const [w, h] of [
    [1366, 768],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `.tmp/screens/history-scope-${w}x${h}.png` });
  }
  await scope.selectOption({ label: 'This desk' });
  await expect(page.getByRole('alert').filter({ hasText: 'The history could not be read' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Team history…' }).click();
  await expect(dialog).toBeVisible();

  // Switch it off again so other tests of this worker see the default.
  await dialog.getByLabel('Publish to the team history').uncheck();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Saved.')).toBeVisible();
});
