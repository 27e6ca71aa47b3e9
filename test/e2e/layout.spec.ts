import type { Page } from '@playwright/test';
import { expectCleanLayout, expectInView } from './layout-check';
import { expect, test } from './fixtures';

// The console at 1024×700 and at 200 % zoom on a 1366×768 screen (683×384 CSS pixels at twice the
// pixel density, which is what the zoom does to the layout). Boxes are compared, not pixels; the
// screenshots are kept in the test's output folder for a person to look at.

const SIZES = [
  { label: '1024×700', viewport: { width: 1024, height: 700 }, deviceScaleFactor: 1 },
  { label: '200% of 1366×768', viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 },
];

/** A biz_no of exactly 128 bytes, unique, with no place to break. */
const longBizNo = (tag: string) => `${tag}-${Date.now()}-`.padEnd(128, 'x');
/** 4 KB of biz_extra_data: one unbroken run, the worst case for wrapping. */
const longExtra = 'E'.repeat(4096);

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: false });
}

for (const size of SIZES) {
  test.describe(`layout at ${size.label}`, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });
    test.describe.configure({ timeout: 90_000 });

    test('Expert: the form with a 128-byte biz_no and 4 KB of biz_extra_data, then the issued token', async ({ page }) => {
      const bizNo = longBizNo('layout-expert');
      await page.getByLabel('biz_no').fill(bizNo);
      await page.getByLabel('uuid').fill('layout-customer');
      await page.getByText('Advanced parameters').click();
      await page.getByLabel('biz_extra_data').fill(longExtra);
      await expectCleanLayout(page, 'the filled Expert form');
      await shot(page, 'expert-form');
      await page.getByRole('button', { name: 'Issue token' }).click();
      const issued = page.getByRole('region', { name: 'Token issued' });
      await expect(issued).toBeVisible();
      await issued.scrollIntoViewIfNeeded();
      await expectCleanLayout(page, 'the issued token');
      const qr = page.getByRole('img', { name: 'QR code of the liveness link' });
      await qr.scrollIntoViewIfNeeded();
      await expectInView(page, qr, 'the QR code');
      await shot(page, 'expert-issued');
    });

    test('Desk: empty, then the QR code and its buttons', async ({ page }) => {
      await page.getByRole('tab', { name: 'Desk' }).click();
      await expect(page.getByLabel('Customer ID · uuid')).toBeVisible();
      await expectCleanLayout(page, 'the empty desk');
      await page.getByLabel('Customer ID · uuid').fill('layout-desk-customer');
      await page.getByRole('button', { name: 'Issue QR code' }).click();
      const qr = page.getByRole('img', { name: 'QR code of the liveness link' });
      await expect(qr).toBeVisible();
      await qr.scrollIntoViewIfNeeded();
      await expectInView(page, qr, 'the desk QR code');
      for (const button of await page.locator('.desk-handoff .actions button').all()) {
        await button.scrollIntoViewIfNeeded();
        await expectInView(page, button, `the hand-off button "${await button.textContent()}"`);
      }
      await expectCleanLayout(page, 'the desk with its QR code');
      await shot(page, 'desk-qr');
    });

    test('Support: a selected call with long values shows its detail beside the list, or right after a short one', async ({ page }) => {
      const bizNo = longBizNo('layout-support');
      await page.getByLabel('biz_no').fill(bizNo);
      await page.getByLabel('uuid').fill('layout-support-customer');
      await page.getByText('Advanced parameters').click();
      await page.getByLabel('biz_extra_data').fill(longExtra);
      await page.getByRole('button', { name: 'Issue token' }).click();
      await expect(page.getByRole('region', { name: 'Token issued' })).toBeVisible();

      await page.getByRole('tab', { name: 'Support' }).click();
      await page.getByLabel('Search').fill(bizNo.slice(0, 30));
      // The row of this call, once the search has narrowed the list to it (under load the first
      // option can still be the unfiltered list's newest row, or be re-rendered as the answer lands).
      const row = page.getByRole('listbox', { name: 'Calls' }).getByRole('option').filter({ hasText: bizNo });
      await expect(row).toHaveCount(1, { timeout: 20_000 });
      await row.click();
      await expect(row).toHaveAttribute('aria-selected', 'true');
      const detail = page.getByRole('region', { name: 'Call details' });
      await expect(detail).toContainText(bizNo);
      // At 1024 px the detail is a side panel, in view as it is. At 683 px nothing but the header
      // fits above the fold: scrolled to the list, the detail must be right there (never 24 rows down).
      if (size.viewport.width < 760) await page.locator('.history-list').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await expectInView(page, detail, 'the call detail');
      await expectCleanLayout(page, 'the history with a call selected');
      await shot(page, 'support-detail');
    });

    test('the profiles dialog fits', async ({ page }) => {
      await page.getByRole('button', { name: 'Profiles…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Profiles' });
      await expect(dialog).toContainText('Secrets at rest');
      await expectInView(page, dialog, 'the profiles dialog');
      await expectCleanLayout(page, 'the profiles dialog');
      await shot(page, 'profiles-dialog');
    });
  });
}
