import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { PDFParse } from 'pdf-parse';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const FACE = join(process.cwd(), 'test', 'fixtures', 'face.jpg');

/** Counts the operator's clicks and keystrokes, so the journey's cost is asserted, not guessed. */
class Operator {
  clicks = 0;
  keys = 0;
  constructor(private readonly page: Page) {}
  async click(target: Locator): Promise<void> {
    this.clicks++;
    await target.click();
  }
  async type(text: string): Promise<void> {
    this.keys += text.length;
    await this.page.keyboard.type(text);
  }
  /** One click on the photo button, then the file chosen in the system dialog. */
  async choosePhoto(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.click(this.page.getByRole('button', { name: 'Choose photo…' }));
    await (await chooser).setFiles(file);
  }
}

/** Plays the customer on a second page: opens the link and picks a one-click outcome. */
async function customerFinishes(context: BrowserContext, url: string, outcome: string): Promise<void> {
  const customer = await context.newPage();
  await customer.goto(url);
  await expect(customer.getByRole('heading', { name: /Liveness check/ })).toBeVisible();
  const recorded = customer.waitForResponse((r) => r.url().includes('/faceid/lite/do') && r.request().method() === 'POST');
  await customer.getByRole('button', { name: outcome, exact: true }).click();
  expect((await recorded).status()).toBe(200);
}

const uuidField = (page: Page) => page.getByLabel('Customer ID · uuid');
const qr = (page: Page) => page.getByRole('img', { name: 'QR code of the liveness link' });
const badge = (page: Page) => page.getByTestId('verdict-badge');

/** Issues a desk token for `uuid` (with the face photo when asked) and returns its liveness link. */
async function issue(page: Page, uuid: string, withPhoto: boolean): Promise<string> {
  await uuidField(page).fill(uuid);
  if (withPhoto) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose photo…' }).click();
    await (await chooser).setFiles(FACE);
  }
  await page.getByRole('button', { name: 'Issue QR code' }).click();
  await expect(qr(page)).toBeVisible();
  return (await page.getByTestId('desk-liveness-url').textContent()) ?? '';
}

test.describe('desk mode', () => {
  test.use({ startView: null });

  test('what the clerk types before the profiles have loaded stays when they arrive', async ({ page }) => {
    // The profiles' answer is held until the clerk has typed: the order a slow start gives at random.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/listProfiles', async (route) => {
      await held;
      await route.continue();
    });
    const asked = page.waitForRequest('**/api/listProfiles');
    await page.reload();
    await asked;
    const uuid = page.getByLabel('Customer ID · uuid');
    await uuid.fill('early-customer-1');
    const answered = page.waitForResponse('**/api/listProfiles');
    release();
    await answered;
    await expect(page.getByTestId('profile-badge')).toContainText('Sandbox (built-in)');
    await expect(uuid).toHaveValue('early-customer-1');
    await page.getByRole('button', { name: 'Issue QR code' }).click();
    await expect(page.getByRole('img', { name: 'QR code of the liveness link' })).toBeVisible();
  });

  test('a clerk serves a customer: photo, QR, pass, record, next customer, history', async ({ page, context }, info) => {
    const op = new Operator(page);
    // An open console: the desk is the default view, the customer id field has the focus.
    await expect(page.getByRole('tab', { name: 'Desk' })).toHaveAttribute('aria-selected', 'true');
    await expect(uuidField(page)).toBeFocused();
    await expect(uuidField(page)).toHaveValue('');
    await expect(page.getByText('Change in Expert mode')).toBeVisible();
    await op.type('cust-0001');
    await op.choosePhoto(FACE);
    // A photo means comparison, without asking.
    await expect(page.getByRole('checkbox', { name: /Compare the face/ })).toBeChecked();
    const bizNo = await page.getByTestId('desk-biz-no').textContent();
    await op.click(page.getByRole('button', { name: 'Issue QR code' }));
    await expect(qr(page)).toBeVisible();
    expect(op.clicks).toBeLessThanOrEqual(4);
    expect(op.keys).toBe('cust-0001'.length);
    await expect(page.getByText('a phone cannot reach 127.0.0.1')).toBeVisible();
    const axe = await new AxeBuilder({ page }).include('#view-desk').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1024, height: 700 },
    ]) {
      await page.setViewportSize(size);
      await page.screenshot({ path: info.outputPath(`desk-qr-${size.width}.png`) });
    }
    await page.setViewportSize({ width: 1366, height: 768 });

    const url = (await page.getByTestId('desk-liveness-url').textContent()) ?? '';
    await customerFinishes(context, url, 'Passed');
    await expect(badge(page)).toHaveText('Passed');
    await expect(qr(page)).toHaveCount(0);
    await expect(page.getByTestId('desk-countdown')).toHaveCount(0);
    const verdict = page.getByRole('region', { name: 'Verdict' });
    await expect(verdict.getByRole('img', { name: 'Reference photo' })).toBeVisible();
    await expect(verdict.getByRole('img', { name: 'Captured face (image_best)' })).toBeVisible();
    await expect(verdict).toContainText('Match level 1e-4');
    const axeVerdict = await new AxeBuilder({ page }).include('#view-desk').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axeVerdict.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.screenshot({ path: info.outputPath('desk-verdict-1366.png') });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: info.outputPath('desk-verdict-1024.png') });
    await page.setViewportSize({ width: 1366, height: 768 });

    // The record, as the browser shell's print makes it.
    const pdf = await page.pdf({ format: 'A4' });
    const text = (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text;
    const sha = createHash('sha256').update(readFileSync(FACE)).digest('hex');
    for (const expected of ['Identity verification record', 'Passed', 'cust-0001', bizNo ?? '', 'PASS', '1e-4'])
      expect(text).toContain(expected);
    // The hash may wrap across lines in the PDF's text layer: compare it without the breaks.
    expect(text.replace(/\s+/g, '')).toContain(sha);

    await page.getByRole('button', { name: 'Next customer' }).click();
    await expect(uuidField(page)).toHaveValue('');
    await expect(uuidField(page)).toBeFocused();
    await expect(page.getByRole('button', { name: 'Choose photo…' })).toBeVisible();
    await expect(page.getByTestId('desk-biz-no')).not.toHaveText(bizNo ?? '');
    await expect(page.getByRole('navigation', { name: 'Today at this desk' })).toContainText('cust-0001');
    await expect(page.getByRole('navigation', { name: 'Today at this desk' }).getByTestId('today-stage').first()).toHaveText('Passed');

    await page.getByRole('tab', { name: 'Support' }).click();
    await expect(page.getByRole('option', { name: /cust-0001/ })).toContainText('Passed');
  });

  test('a different person is not passed, with the reason as a chip', async ({ page, context }) => {
    await customerFinishes(context, await issue(page, 'cust-nomatch', true), 'Different person');
    await expect(badge(page)).toHaveText('Not passed');
    await expect(page.getByRole('region', { name: 'Verdict' }).getByRole('listitem')).toHaveText(['No match at the chosen level']);
    // The record says why, with the fake-face scores and their thresholds beside the liveness result.
    const text = (await new PDFParse({ data: new Uint8Array(await page.pdf({ format: 'A4' })) }).getText()).text;
    for (const expected of [
      'Not passed',
      'Reasons',
      'No match at the chosen level',
      'Fake-face checks',
      'screen_replay 0.03 / 0.5',
      '41.207',
    ])
      expect(text).toContain(expected);
  });

  test('a cancelled flow reads Cancelled, and the earlier call comes back from the side list', async ({ page, context }) => {
    const first = await issue(page, 'cust-waiting', false);
    await page.keyboard.press('Alt+N');
    await expect(uuidField(page)).toHaveValue('');
    await customerFinishes(context, await issue(page, 'cust-cancel', false), 'Cancelled');
    await expect(badge(page)).toHaveText('Cancelled');
    const today = page.getByRole('navigation', { name: 'Today at this desk' });
    await today.getByRole('button', { name: /cust-waiting/ }).click();
    await expect(page.getByTestId('desk-liveness-url')).toHaveText(first);
  });

  test('a token nobody opened expires unused, never "used"', async ({ page }) => {
    await page.clock.install();
    await page.reload();
    await issue(page, 'cust-late', false);
    await page.clock.fastForward('01:01:00');
    await expect(page.getByText('This code expired unused; issue a new one.')).toBeVisible();
    await expect(qr(page)).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Status' })).toContainText('Expired unused');
    await expect(page.getByRole('region', { name: 'Status' })).not.toContainText('Customer opened the page');
  });

  test('a photo dropped with comparison off is never sent uncompared: the desk asks', async ({ page }) => {
    await uuidField(page).fill('cust-ask');
    const compare = page.getByRole('checkbox', { name: /Compare the face/ });
    // Off by the clerk's own choice (without a photo it is off by derivation, and a photo turns it on).
    await compare.check();
    await compare.uncheck();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose photo…' }).click();
    await (await chooser).setFiles(FACE);
    const ask = page.getByRole('alertdialog', { name: 'Comparison is off, but a photo was added' });
    await expect(ask).toBeVisible();
    await expect(page.getByRole('button', { name: 'Issue QR code' })).toBeDisabled();
    await ask.getByRole('button', { name: 'Remove the photo, no comparison' }).click();
    await expect(page.getByRole('button', { name: 'Choose photo…' })).toBeVisible();
    await expect(compare).not.toBeChecked();

    const again = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose photo…' }).click();
    await (await again).setFiles(FACE);
    await ask.getByRole('button', { name: 'Compare with this photo' }).click();
    await expect(compare).toBeChecked();
    // Turning comparison off with the photo still attached asks again, at once.
    await compare.uncheck();
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'Compare with this photo' }).click();
    await expect(compare).toBeChecked();
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/issueToken'));
    await page.getByRole('button', { name: 'Issue QR code' }).click();
    const body = (await sent).postDataJSON() as { params: Record<string, string>; photos: Record<string, unknown> };
    expect(body.params.comparison_type).toBe('0');
    expect(Object.keys(body.photos)).toEqual(['image_ref1']);
    await expect(qr(page)).toBeVisible();
  });

  test("the customer view shows the QR code, the branch and the instruction in the token's language", async ({ page, shell }) => {
    const headers = { 'X-FaceID-Console-Token': shell.token };
    const profiles = (await (await page.request.post(`${shell.origin}/api/listProfiles`, { data: {}, headers })).json()) as {
      value: { id: string; color: string; defaults: Record<string, string> }[];
    };
    const sandbox = profiles.value.find((p) => p.id === 'sandbox');
    const update = (defaults: Record<string, string>, branch: string) =>
      page.request.post(`${shell.origin}/api/updateProfile`, {
        data: {
          profileId: 'sandbox',
          profile: {
            name: 'Sandbox (built-in)',
            color: sandbox?.color,
            environment: 'sandbox',
            region: 'custom',
            defaults,
            desk: { matchLevel: '1e-5', pollResults: false, branch },
          },
        },
        headers,
      });
    expect((await update({ ...sandbox?.defaults, language: '2' }, 'KCP Sudirman')).ok()).toBe(true);
    try {
      await page.reload();
      await issue(page, 'cust-id', false);
      await page.getByRole('button', { name: 'Show to customer' }).click();
      const view = page.getByRole('dialog', { name: 'Customer view' });
      await expect(view).toContainText('Pemeriksaan identitas');
      await expect(view).toContainText('KCP Sudirman');
      await expect(view).toContainText('Pindai kode ini dengan kamera ponsel Anda');
      await expect(view.getByRole('img', { name: 'Kode QR tautan pemeriksaan' })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(view).toHaveCount(0);
    } finally {
      expect((await update(sandbox?.defaults ?? {}, '')).ok()).toBe(true);
    }
  });

  test('the view tabs follow the ARIA pattern and the last view is remembered', async ({ page }) => {
    const desk = page.getByRole('tab', { name: 'Desk' });
    await desk.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Support' })).toBeFocused();
    await expect(page.getByRole('tab', { name: 'Support' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: 'Expert' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(desk).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('End');
    await page.reload();
    await expect(page.getByRole('tab', { name: 'Expert' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: 'Expert' })).toHaveAttribute('tabindex', '0');
    await expect(desk).toHaveAttribute('tabindex', '-1');
    await page.keyboard.press('Home');
  });
});
