import type { Page } from '@playwright/test';
import { customerFinishes, expectNoSeriousViolations, issueExpertToken } from './a11y-helpers';
import { expect, test } from './fixtures';

// Every main screen and state, and every dialog, is checked with axe-core against WCAG 2.2 A/AA:
// no serious or critical violation anywhere (contrast, names, roles, landmarks, ARIA).

const openTab = async (page: Page, name: 'Desk' | 'Support' | 'Expert') => {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
};

test.describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  // axe walks the whole page several times per test; on a loaded 2-core machine that takes a while.
  test.describe.configure({ timeout: 180_000 });
  test('Expert: empty form, warnings, errors, the advanced section', async ({ page }) => {
    await expect(page.getByLabel('uuid')).toBeVisible();
    await expectNoSeriousViolations(page, 'the empty Expert form');

    // The built-in profile fills a default uuid; without one the form shows its field error.
    await page.locator('#param-uuid').fill('');
    await page.getByRole('button', { name: 'Issue token' }).click();
    await expect(page.locator('[data-param="uuid"] .msg.error')).toBeVisible();
    await expectNoSeriousViolations(page, 'the form with a field error');

    await page.locator('form').getByLabel('language', { exact: true }).selectOption({ label: 'Other value…' });
    await page.locator('form').getByLabel('language (other value)').fill('5');
    await page.locator('form').getByLabel('language (other value)').blur();
    await expect(page.locator('[data-param="language"] .msg.warning')).toBeVisible();
    await page.getByText('Advanced parameters').click();
    await expectNoSeriousViolations(page, 'the form with a warning and the advanced section open');
  });

  test('Expert: a refused call, an unknown outcome, an issued token, a verdict', async ({ page, shell, context }) => {
    await page.getByLabel('uuid').fill('a11y-refused');
    await page.locator('form').getByLabel('language', { exact: true }).selectOption({ label: 'Other value…' });
    await page.locator('form').getByLabel('language (other value)').fill('5');
    await page.getByRole('button', { name: 'Issue token' }).click();
    await expect(page.getByRole('region', { name: 'Call failed' })).toBeVisible();
    await expectNoSeriousViolations(page, 'a call the service refused');
    await page.locator('form').getByLabel('language', { exact: true }).selectOption({ index: 0 });

    const fault = await page.request.put(`${shell.sandboxUrl}/sandbox/faults`, { data: { mode: 'reset', remaining: 1 } });
    expect(fault.ok()).toBe(true);
    await page.getByRole('button', { name: 'Issue token' }).click();
    await expect(page.getByRole('region', { name: 'Outcome unknown' })).toBeVisible();
    await expectNoSeriousViolations(page, 'an unknown outcome');

    await issueExpertToken(page, 'a11y-issued');
    await expect(page.getByRole('img', { name: 'QR code of the liveness link' })).toBeVisible();
    await expect(page.getByTestId('announcer')).toContainText('Token issued');
    await expectNoSeriousViolations(page, 'an issued token with its QR code');

    await customerFinishes(context, (await page.getByTestId('liveness-url').textContent()) ?? '', 'Passed');
    await expect(page.getByRole('region', { name: 'Verification result' })).toContainText('Verified');
    // The verdict arriving in the Expert view is announced, as the desk's is.
    await expect(page.getByTestId('announcer')).toContainText('Verdict: Verified');
    await expectNoSeriousViolations(page, 'a verdict in the Expert view');
  });

  test('Support: the history, a selected call and its detail, an unknown outcome there', async ({ page, shell }) => {
    await issueExpertToken(page, 'a11y-history');
    const fault = await page.request.put(`${shell.sandboxUrl}/sandbox/faults`, { data: { mode: 'reset', remaining: 1 } });
    expect(fault.ok()).toBe(true);
    const bizNo = await page.getByLabel('biz_no').inputValue();
    await page.getByRole('button', { name: 'Issue token' }).click();
    await expect(page.getByRole('region', { name: 'Outcome unknown' })).toBeVisible();

    await openTab(page, 'Support');
    await expect(page.getByRole('listbox', { name: 'Calls' }).getByRole('option').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'the history list');
    await page.getByLabel('Search').fill(bizNo);
    await page
      .getByRole('listbox', { name: 'Calls' })
      .getByRole('option', { name: new RegExp(bizNo) })
      .click();
    await expect(page.getByRole('note', { name: 'Outcome unknown' })).toBeVisible();
    await expectNoSeriousViolations(page, 'the detail of an unknown outcome');
    await page.getByLabel('Search').fill('');
    await page
      .getByRole('listbox', { name: 'Calls' })
      .getByRole('option', { name: /a11y-history/ })
      .first()
      .click();
    await expect(page.getByRole('region', { name: 'Call details' })).toContainText('a11y-history');
    await expectNoSeriousViolations(page, 'the detail of an issued call');
  });

  test('Desk: empty, issued with its QR code, a verdict', async ({ page, context }) => {
    await openTab(page, 'Desk');
    await expect(page.getByLabel('Customer ID · uuid')).toBeVisible();
    await expectNoSeriousViolations(page, 'the empty desk');
    await page.getByLabel('Customer ID · uuid').fill('a11y-desk');
    await page.getByRole('button', { name: 'Issue QR code' }).click();
    await expect(page.getByRole('img', { name: 'QR code of the liveness link' })).toBeVisible();
    await expectNoSeriousViolations(page, 'the desk with an issued QR code');
    await customerFinishes(context, (await page.getByTestId('desk-liveness-url').textContent()) ?? '', 'Passed');
    await expect(page.getByTestId('verdict-badge')).toHaveText('Passed');
    await expect(page.getByTestId('announcer')).toContainText('Verdict: Passed');
    await expectNoSeriousViolations(page, 'the desk verdict');
  });

  test('every tool dialog: profiles (list and editor), verify callback, sandbox, team history, import a call', async ({ page }) => {
    const opener = page.getByRole('button', { name: 'Profiles…' });
    await opener.click();
    const profiles = page.getByRole('dialog', { name: 'Profiles' });
    await expect(profiles).toContainText('Secrets at rest');
    await expectNoSeriousViolations(page, 'the profiles dialog');
    await profiles.getByRole('button', { name: 'New profile' }).click();
    await expect(profiles.getByRole('form', { name: 'New profile' })).toBeVisible();
    await expectNoSeriousViolations(page, 'the profile editor');
    await page.keyboard.press('Escape');
    await expect(profiles).toBeHidden();
    await expect(opener).toBeFocused();

    const dialogs: [string, string][] = [
      ['Verify callback…', 'Verify callback'],
      ['Sandbox…', 'Sandbox'],
      ['Team history…', 'Team history'],
    ];
    for (const [button, name] of dialogs) {
      const open = page.getByRole('button', { name: button });
      await open.click();
      const dialog = page.getByRole('dialog', { name });
      await expect(dialog).toBeVisible();
      await expectNoSeriousViolations(page, `the ${name} dialog`);
      await dialog.getByRole('button', { name: 'Close' }).first().click();
      await expect(dialog).toBeHidden();
      await expect(open).toBeFocused();
    }

    await openTab(page, 'Support');
    await page.getByRole('button', { name: 'Import call…' }).click();
    const importer = page.getByRole('dialog', { name: 'Import a call' });
    await importer.getByRole('textbox').fill("curl -F 'uuid=x' -F 'biz_no=a11y-import' https://api-idn.megvii.com/faceid/lite/get_token");
    await importer.getByRole('button', { name: 'Read' }).click();
    await expectNoSeriousViolations(page, 'the import dialog with a read call');
    await page.keyboard.press('Escape');
    await expect(importer).toBeHidden();
  });

  test('the production confirmation dialog', async ({ page, shell }) => {
    const api = (op: string, data: unknown) =>
      page.request.post(`${shell.origin}/api/${op}`, { data, headers: { 'X-FaceID-Console-Token': shell.token } });
    const name = `A11y production ${Date.now() % 100000}`;
    // Never called: the confirmation is cancelled, so the address need not answer.
    const created = await api('createProfile', {
      profile: {
        name,
        color: '#c53030',
        environment: 'production',
        region: 'custom',
        baseUrl: 'https://127.0.0.1:9',
        apiKey: 'k',
        defaults: { return_url: 'https://bank.example/return', notify_url: 'https://bank.example/notify' },
        confirmProduction: true,
      },
    });
    const profile = (await created.json()) as { ok: boolean; value: { id: string } };
    expect(profile.ok).toBe(true);
    expect((await api('setActiveProfile', { profileId: profile.value.id })).ok()).toBe(true);
    await page.reload();
    await expect(page.getByTestId('profile-badge')).toContainText(name);
    await page.getByLabel('uuid').fill('a11y-production');
    await page.getByRole('button', { name: 'Issue token' }).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm production call' });
    await expect(confirm).toContainText('Issue a real token on production?');
    await expectNoSeriousViolations(page, 'the production confirmation');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    expect((await api('deleteProfile', { profileId: profile.value.id })).ok()).toBe(true);
  });

  test('the view tabs follow the ARIA tabs pattern: arrows, Home and End move and select', async ({ page }) => {
    const expert = page.getByRole('tab', { name: 'Expert' });
    await expert.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Desk' })).toBeFocused();
    await expect(page.getByRole('tab', { name: 'Desk' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'Desk' })).toBeVisible();
    await page.keyboard.press('End');
    await expect(expert).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tab', { name: 'Support' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('banner')).toContainText('FaceID Console');
    await expect(page.getByRole('main')).toHaveCount(1);
  });
});
