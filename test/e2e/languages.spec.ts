import type { Page } from '@playwright/test';
import { appMessages } from '../../renderer/app/messages';
import { deskMessages } from '../../renderer/features/desk/messages';
import { supportMessages } from '../../renderer/features/history/messages';
import { historyMessages } from '../../renderer/features/history/record-messages';
import { handoffMessages } from '../../renderer/features/handoff/messages';
import { sandboxMessages } from '../../renderer/features/sandbox/messages';
import { verifyViewMessages } from '../../renderer/features/verification/messages';
import { PSEUDO_FLAG } from '../../renderer/i18n/pseudo';
import { customerFinishes } from './a11y-helpers';
import { expectCleanLayout } from './layout-check';
import { expect, test, type ShellInfo } from './fixtures';

// The language is a setting: it follows the browser until the operator picks one, changes at once
// and is kept. The main journey runs in Bahasa Indonesia and in Chinese, driven by the words of
// the message tables themselves; a pseudo-locale (accented, ~40 % longer) shows no overflow.

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Puts the shared shell's language setting back, whatever a test chose. */
async function resetLanguage(page: Page, shell: ShellInfo): Promise<void> {
  const r = await page.request.post(`${shell.origin}/api/updateSettings`, {
    data: { settings: { language: 'auto' } },
    headers: { 'X-FaceID-Console-Token': shell.token },
  });
  expect(r.ok()).toBe(true);
}

test.describe('languages', () => {
  test.afterEach(async ({ page, shell }) => resetLanguage(page, shell));

  test.describe('in an Indonesian browser', () => {
    test.use({ locale: 'id-ID', startView: null });

    test('opens in Indonesian, switches to Chinese without a restart, and keeps the choice', async ({ page, shell }) => {
      await expect(page.getByRole('tab', { name: appMessages.id.views.desk })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'id-ID');
      const menu = page.getByRole('combobox', { name: appMessages.id.language.label, exact: true });
      await expect(menu.locator('option:checked')).toHaveText('Bahasa sistem (Bahasa Indonesia)');

      await menu.selectOption('zh');
      await expect(page.getByRole('tab', { name: appMessages.zh.views.desk })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans-CN');
      const saved = await page.request.post(`${shell.origin}/api/getSettings`, {
        data: {},
        headers: { 'X-FaceID-Console-Token': shell.token },
      });
      expect((await saved.json()).value.language).toBe('zh');

      await page.reload();
      await expect(page.getByRole('tab', { name: appMessages.zh.views.support })).toBeVisible();
      await expect(page.getByRole('combobox', { name: appMessages.zh.language.label, exact: true })).toHaveValue('zh');
    });
  });

  for (const locale of ['id', 'zh'] as const) {
    test(`the main journey in ${locale === 'id' ? 'Bahasa Indonesia' : 'Chinese'}: a desk token, then the call in the history`, async ({
      page,
    }) => {
      await page.getByRole('combobox', { name: appMessages.en.language.label, exact: true }).selectOption(locale);
      const app = appMessages[locale];
      const desk = deskMessages[locale];
      await page.getByRole('tab', { name: app.views.desk }).click();
      const uuid = `lang-${locale}-${Date.now()}`;
      await page.getByRole('textbox', { name: new RegExp(`^${escape(desk.form.customerId)}`) }).fill(uuid);
      await page.getByRole('button', { name: desk.form.issue }).click();
      await expect(page.getByTestId('desk-liveness-url')).toContainText('token=');
      await expect(page.getByTestId('announcer')).toContainText(app.announce.issued.split(' ')[0] ?? '');

      await page.getByRole('tab', { name: app.views.support }).click();
      await page
        .getByRole('searchbox', { name: supportMessages[locale].search.label })
        .or(page.getByLabel(supportMessages[locale].search.label))
        .first()
        .fill(uuid);
      await expect(page.getByRole('listbox').getByRole('option', { name: new RegExp(uuid) })).toBeVisible();
    });
  }

  for (const locale of ['id', 'zh'] as const) {
    test(`the result view, history detail, settings and sandbox panel in ${locale === 'id' ? 'Bahasa Indonesia' : 'Chinese'}`, async ({
      page,
      context,
    }) => {
      test.setTimeout(120_000);
      const app = appMessages[locale];
      const verify = verifyViewMessages[locale];
      const history = historyMessages[locale];
      const sandbox = sandboxMessages[locale];
      const en = { verify: verifyViewMessages.en, history: historyMessages.en, sandbox: sandboxMessages.en };
      await page.getByRole('combobox', { name: appMessages.en.language.label, exact: true }).selectOption(locale);
      await expect(page.getByRole('tab', { name: app.views.expert })).toBeVisible();

      // Expert: the hand-off, then the verdict arriving in the result view, announced in the same language.
      await page.locator('[data-param="uuid"] input').fill(`lang-result-${locale}`);
      await page.locator('.token-form button[type="submit"]').click();
      const handoff = page.getByRole('region', { name: handoffMessages[locale].label });
      await expect(handoff).toContainText(handoffMessages[locale].scan);
      await customerFinishes(context, (await page.getByTestId('liveness-url').textContent()) ?? '', 'Passed');
      const result = page.getByRole('region', { name: verify.result.label });
      await expect(result.getByRole('button', { name: verify.result.fetchAgain })).toBeVisible({ timeout: 15_000 });
      await expect(result.getByTestId('fetches-left')).toContainText(verify.result.fetchesLeft.split('{')[0] ?? '');
      await expect(page.getByTestId('announcer')).toContainText(app.announce.verdict.split('{')[0] ?? '');
      for (const english of [en.verify.result.fetchAgain, 'fetches left', en.verify.result.label])
        await expect(result).not.toContainText(english);
      for (const english of [handoffMessages.en.label, handoffMessages.en.open, 'Valid for'])
        await expect(handoff).not.toContainText(english);

      // Support: the call's detail and the history settings.
      await page.getByRole('tab', { name: app.views.support }).click();
      await page.getByRole('listbox').getByRole('option').first().click();
      const detail = page.getByRole('region', { name: history.detail.label });
      await expect(detail.getByRole('button', { name: history.detail.clone })).toBeVisible();
      await expect(detail).toContainText(history.detail.call.replace('{id}', ''));
      for (const english of [en.history.detail.clone, en.history.detail.cloneHint, 'answered after', 'Call #'])
        await expect(detail).not.toContainText(english);
      await page.getByRole('button', { name: history.toolbar.settings, exact: true }).click();
      const settings = page.getByRole('form', { name: history.settings.label });
      await expect(settings.getByLabel(history.settings.keepPhotos)).toBeVisible();
      await expect(settings.getByRole('button', { name: history.settings.save })).toBeVisible();
      for (const english of [en.history.settings.keepPhotos, en.history.settings.retentionDays, en.history.settings.save])
        await expect(settings).not.toContainText(english);
      await expect(page.getByRole('search', { name: history.filters.label })).toContainText(history.filters.statusChoice.any);

      // The sandbox panel.
      await page.getByRole('button', { name: app.tools.sandbox }).click();
      const panel = page.getByRole('dialog', { name: sandbox.label });
      await expect(panel.getByRole('heading', { name: sandbox.title })).toBeVisible();
      await expect(panel.getByRole('form', { name: sandbox.faults.label })).toContainText(sandbox.faults.appliesTo);
      await expect(panel.getByRole('heading', { name: sandbox.callbacks.heading })).toBeVisible();
      for (const english of [en.sandbox.title, en.sandbox.faults.appliesTo, en.sandbox.callbacks.heading, en.sandbox.trust.heading])
        await expect(panel).not.toContainText(english);
    });
  }

  test.describe('the pseudo-locale at 1024×700', () => {
    test.use({ viewport: { width: 1024, height: 700 }, startView: 'desk' });

    test('long accented words overflow nothing on the desk, the Expert form and the history', async ({ page, context }) => {
      test.setTimeout(120_000);
      await page.addInitScript((flag) => localStorage.setItem(flag, '1'), PSEUDO_FLAG);
      await page.reload();
      const tab = (id: string) => page.locator(`#tab-${id}`);
      await expect(tab('desk')).toContainText('⟦Ðéšķ');
      await expectCleanLayout(page, 'the pseudo-locale desk');
      await page.screenshot({ path: test.info().outputPath('pseudo-desk.png') });

      await tab('expert').click();
      await page.locator('[data-param="uuid"] input').fill('pseudo-customer');
      await page.locator('.token-form button[type="submit"]').click();
      await expect(page.locator('.result-pane code[data-field="token"]')).toBeVisible();
      await expectCleanLayout(page, 'the pseudo-locale Expert view with a token');
      await customerFinishes(context, (await page.getByTestId('liveness-url').textContent()) ?? '', 'Passed');
      const verdict = page.locator('section.verification.pass');
      await expect(verdict.getByTestId('fetches-left')).toContainText('⟦ĝéţ_ŕéšúĺţ');
      await verdict.scrollIntoViewIfNeeded();
      await expectCleanLayout(page, 'the pseudo-locale result view with a verdict');

      await tab('support').click();
      await page.getByRole('listbox').getByRole('option').first().click();
      await expect(page.locator('.history-detail code[data-field="token"]').first()).toBeVisible();
      await expectCleanLayout(page, 'the pseudo-locale history with a call selected');
      await page.screenshot({ path: test.info().outputPath('pseudo-support.png') });

      await page.locator('.settings-toggle').click();
      await expect(page.locator('form.history-settings h3')).toContainText('⟦Ĥíšţóŕý');
      await expectCleanLayout(page, 'the pseudo-locale history settings');
      await page.screenshot({ path: test.info().outputPath('pseudo-settings.png') });

      await page.locator('.app-header button', { hasText: 'Šáñðƀóẋ' }).click();
      const panel = page.locator('dialog[open].tool-dialog');
      await expect(panel.locator('h2')).toContainText('⟦Éɱƀéððéð');
      await expectCleanLayout(page, 'the pseudo-locale sandbox panel');
      await page.screenshot({ path: test.info().outputPath('pseudo-sandbox.png') });
    });
  });
});
