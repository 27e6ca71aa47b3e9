import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Each worker's browser shell (and so its history) is shared by that worker's tests: every test
// tags its biz_no values and filters by the tag.
const newTag = () => randomBytes(4).toString('hex');

/** Issues a token from the form and waits for the answer. */
async function issue(page: Page, fields: Record<string, string>, expected: 'issued' | 'failed'): Promise<void> {
  for (const [name, value] of Object.entries(fields)) await page.getByLabel(name).fill(value);
  await page.getByRole('button', { name: 'Issue token' }).click();
  if (expected === 'issued') {
    // An issued token uses up its biz_no: the form then suggests a new one.
    await expect(page.getByLabel('biz_no')).not.toHaveValue(fields.biz_no ?? '');
    await expect(page.getByRole('region', { name: 'Token issued' })).toBeVisible();
  } else {
    await expect(page.getByRole('region', { name: 'Call failed' })).toBeVisible();
  }
}

/** The list of calls (not the <option>s of the filter selects). */
const calls = (page: Page) => page.getByRole('listbox', { name: 'Calls' });

async function openHistory(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Support' }).click();
  await expect(page.getByRole('tab', { name: 'Support' })).toHaveAttribute('aria-selected', 'true');
}

/** Searches, and waits until the count answers this search (not the one before). */
async function search(page: Page, text: string, count: string): Promise<void> {
  await page.getByLabel('Search').fill(text);
  await expect(page.getByTestId('history-count')).toHaveText(new RegExp(`^${count} matching “${text}”( · filtered)?$`));
}

test.describe('token history', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
  test.beforeEach(async ({ page }) => {
    // Another spec of this worker may have left another profile active. (Only switch when needed:
    // a switch in flight would overwrite what the test types meanwhile.)
    await expect(page.getByTestId('profile-badge')).toBeVisible();
    const active = page.getByLabel('Active profile');
    if ((await active.inputValue()) !== 'sandbox') await active.selectOption('sandbox');
    await expect(page.getByTestId('profile-badge')).toContainText('Sandbox (built-in)');
  });

  test('a sandbox token the customer opened shows its live stage in the list, not a countdown', async ({ page, context }) => {
    const tag = newTag();
    await issue(page, { biz_no: `h-${tag}-live` }, 'issued');
    const url = (await page.getByTestId('liveness-url').textContent()) ?? '';
    await openHistory(page);
    await search(page, `h-${tag}-live`, '1 call');
    const cell = calls(page).getByRole('option').first().locator('.countdown-cell');
    // Nobody has opened the page yet: the token can still be used, so the countdown runs.
    await expect(cell).toHaveAttribute('aria-label', /^expires in \d+:\d\d$/);

    const customer = await context.newPage();
    await customer.goto(url);
    await expect(customer.getByRole('heading', { name: /Liveness check/ })).toBeVisible();
    // The page is open on the customer's phone: the token is spent, the list says so.
    // (The sandbox's page reports the flow under way as soon as it is shown: opened, then in progress.)
    await expect(cell).toHaveAttribute('data-live-stage', /^(opened|in-progress)$/);
    await expect(cell).toHaveText(/^(Opened|In progress)$/);
    await expect(cell).not.toHaveAttribute('aria-label', /expires/);
    await customer.close();
  });

  test('finds calls by biz_no prefix, replays one, copies it as cURL, exports and deletes the filtered rows', async ({ page }) => {
    const tag = newTag();
    const a1 = `h-${tag}-a1`;
    const a2 = `h-${tag}-a2`;
    const b1 = `h-${tag}-b1`;
    await issue(page, { biz_no: a1, uuid: `u-${tag}-1` }, 'issued');
    await issue(page, { biz_no: a2, uuid: `u-${tag}-2` }, 'issued');
    await issue(page, { biz_no: b1, uuid: `u-${tag}-3`, scene_id: 'no-such-scene' }, 'failed');

    await openHistory(page);
    await search(page, `h-${tag}`, '3 calls');
    await page.getByLabel('Filter by status').selectOption('failed');
    await search(page, `h-${tag}`, '1 call');
    await expect(calls(page).getByRole('option')).toHaveCount(1);
    await expect(calls(page).getByRole('option')).toContainText(b1);
    await expect(calls(page).getByRole('option')).toContainText('failed');
    await page.getByLabel('Filter by status').selectOption('');

    await search(page, `h-${tag}-a`, '2 calls');
    const options = calls(page).getByRole('option');
    await expect(options).toHaveCount(2);
    // Newest first.
    await expect(options.first()).toContainText(a2);
    await expect(options.first()).toContainText(/issued/);
    await expect(options.first()).toContainText(/\d+:\d\d$/);

    // The list is a listbox: arrows, Home and End move the selection.
    await calls(page).focus();
    await page.keyboard.press('End');
    await expect(calls(page).getByRole('option', { name: new RegExp(a1) })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await expect(calls(page).getByRole('option', { name: new RegExp(a2) })).toHaveAttribute('aria-selected', 'true');
    await calls(page)
      .getByRole('option', { name: new RegExp(a1) })
      .click();
    const detail = page.getByRole('region', { name: 'Call details' });
    await expect(detail.getByRole('heading', { level: 2 })).toContainText(a1);
    const params = detail.getByRole('table', { name: 'Request parameters' });
    await expect(params.getByRole('row', { name: /uuid/ })).toContainText(`u-${tag}-1`);
    await expect(params).not.toContainText('sandbox-secret');
    await expect(detail.getByLabel('Response body, formatted')).toContainText('"token"');
    await expect(detail.getByRole('region', { name: 'Outcome' }).locator('code[data-field="token"]')).toHaveText(/^[0-9a-f]{32}$/);

    // Replay: the same parameters in the form, with a fresh biz_no.
    await detail.getByRole('button', { name: 'Clone into form' }).click();
    await expect(page.getByRole('tab', { name: 'Expert' })).toHaveAttribute('aria-selected', 'true');
    const bizNo = page.getByLabel('biz_no');
    await expect(bizNo).not.toHaveValue(a1);
    await expect(bizNo).toHaveValue(/^desk-\d{8}-\d{6}-[0-9a-f]{4}$/);
    await expect(page.getByLabel('uuid')).toHaveValue(`u-${tag}-1`);
    await expect(page.getByLabel('comparison_type')).toHaveValue('-1');
    await expect(page.getByLabel('scene_id')).toHaveValue('');
    const notice = page.getByRole('status', { name: 'Cloned from history' });
    await expect(notice).toContainText(`the original call used ${a1}`);
    await expect(notice).toContainText('Profile: Sandbox (built-in)');

    // Copy as cURL: the command is shown (and on the clipboard), the secret left to the environment.
    await openHistory(page);
    await expect(page.getByTestId('history-count')).toHaveText(`2 calls matching “h-${tag}-a”`);
    await calls(page)
      .getByRole('option', { name: new RegExp(a1) })
      .click();
    await detail.getByRole('button', { name: 'Copy as cURL' }).click();
    const curl = detail.getByLabel('cURL command');
    await expect(curl).toHaveValue(/--form-string "api_secret=\$FACEID_API_SECRET"/);
    const command = await curl.inputValue();
    // A fresh biz_no by default, said on screen and in the command.
    expect(command).not.toContain(`--form-string 'biz_no=${a1}'`);
    expect(command).toMatch(/--form-string 'biz_no=desk-\d{8}-\d{6}-[0-9a-f]{4}'/);
    await expect(detail.getByRole('status').filter({ hasText: 'fresh biz_no' })).toContainText(`instead of ${a1}`);
    expect(command).toContain('/faceid/lite/get_token');
    expect(command).not.toContain('sandbox-secret');
    await expect(detail.getByText('Copied to the clipboard.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);

    // Export what the filter shows.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^faceid-history-.+\.csv$/);
    const csv = readFileSync(await file.path(), 'utf8');
    const lines = csv.split(/\r?\n/).filter((l) => l !== '');
    expect(lines[0]).toMatch(/^started_at,status,profile,environment,operator,biz_no,biz_id,uuid,comparison_type,token,request_id,/);
    expect(lines).toHaveLength(3);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[5])
        .sort(),
    ).toEqual([a1, a2]);
    expect(csv).not.toContain(b1);
    expect(csv).not.toContain('sandbox-secret');
    await expect(page.getByText(/Exported 2 calls to faceid-history-.+\.csv/)).toBeVisible();

    // Delete the filtered rows after a confirmation that says how many go.
    await page.getByRole('button', { name: 'Delete filtered…' }).click();
    const confirm = page.getByRole('group', { name: 'Confirm deletion' });
    await expect(confirm).toContainText('Delete 2 calls matching the filter? This cannot be undone.');
    await confirm.getByRole('button', { name: 'Delete 2 calls' }).click();
    await expect(page.getByText('Deleted 2 calls.')).toBeVisible();
    await expect(page.getByTestId('history-count')).toHaveText(`0 calls matching “h-${tag}-a”`);
    await expect(page.getByText('No call matches the search and filters.')).toBeVisible();
    await expect(detail).toContainText('Select a call');

    // The failed call is still there, with the service's error.
    await search(page, `h-${tag}`, '1 call');
    await calls(page)
      .getByRole('option', { name: new RegExp(b1) })
      .click();
    await expect(detail.getByRole('region', { name: 'Outcome' })).toContainText('BAD_ARGUMENTS');
    await expect(detail.getByRole('region', { name: 'Outcome' }).locator('code[data-field="field"]')).toHaveText('scene_id');
  });

  test('re-attaches kept photos on replay, and names the photos to attach again when they were not kept', async ({ page }) => {
    const tag = newTag();
    await page.getByLabel('comparison_type').selectOption('0');
    await page.getByLabel('image_ref1 file').setInputFiles('test/fixtures/face.jpg');
    await issue(page, { biz_no: `p-${tag}-1`, uuid: `u-${tag}` }, 'issued');

    await openHistory(page);
    await search(page, `p-${tag}-1`, '1 call');
    await calls(page)
      .getByRole('option', { name: new RegExp(`p-${tag}-1`) })
      .click();
    const detail = page.getByRole('region', { name: 'Call details' });
    await expect(detail.getByRole('list', { name: 'Photos sent' })).toContainText(/face\.jpg — 7 KB .*320×400 px, jpeg/);
    await expect(detail.getByRole('list', { name: 'Photos sent' })).toContainText('bytes not kept');
    await detail.getByRole('button', { name: 'Clone into form' }).click();
    const notice = page.getByRole('status', { name: 'Cloned from history' });
    await expect(notice).toContainText(/image_ref1: attach again face\.jpg \(7 KB, sha256 [0-9a-f]{64}\)/);
    await expect(page.getByRole('img', { name: 'image_ref1 preview' })).toHaveCount(0);
    await expect(page.getByLabel('comparison_type')).toHaveValue('0');

    // With photo keeping on, the bytes come back.
    await openHistory(page);
    await page.getByRole('button', { name: 'Settings…' }).click();
    const settings = page.getByRole('form', { name: 'History settings' });
    await settings.getByLabel('Operator name').fill(`desk ${tag}`);
    await settings.getByLabel('Keep reference photos').check();
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(settings.getByRole('status')).toHaveText('Settings saved.');
    try {
      await page.getByRole('tab', { name: 'Expert' }).click();
      await page.getByLabel('image_ref1 file').setInputFiles('test/fixtures/face.jpg');
      await issue(page, { biz_no: `p-${tag}-2` }, 'issued');

      await openHistory(page);
      await search(page, `p-${tag}-2`, '1 call');
      await calls(page)
        .getByRole('option', { name: new RegExp(`p-${tag}-2`) })
        .click();
      await expect(detail.getByRole('list', { name: 'Photos sent' })).toContainText('bytes kept');
      await expect(detail).toContainText(`by desk ${tag}`);
      // The kept copy is staged on the trusted side: the clone asks for a handle, never for the bytes.
      const asked: string[] = [];
      const listen = (r: { url(): string }) => {
        const op = /\/api\/(\w+)$/.exec(r.url())?.[1];
        if (op === 'getKeptPhoto' || op === 'stageKeptPhoto' || op === 'stagePhoto') asked.push(op);
      };
      page.on('request', listen);
      await detail.getByRole('button', { name: 'Clone into form' }).click();
      await expect(page.getByRole('status', { name: 'Cloned from history' })).toContainText(
        'image_ref1: re-attached face.jpg from the kept copy',
      );
      page.off('request', listen);
      expect(asked).toEqual(['stageKeptPhoto']);
      await expect(page.getByRole('img', { name: 'image_ref1 preview' })).toBeVisible();
      await expect(page.getByTestId('image_ref1-facts')).toContainText('320×400 px');
    } finally {
      await openHistory(page);
      if (!(await page.getByRole('form', { name: 'History settings' }).isVisible()))
        await page.getByRole('button', { name: 'Settings…' }).click();
      await settings.getByLabel('Operator name').fill('');
      await settings.getByLabel('Keep reference photos').uncheck();
      await settings.getByRole('button', { name: 'Save settings' }).click();
      await expect(settings.getByRole('status')).toHaveText('Settings saved.');
    }
  });
});

test.describe('history list columns', () => {
  /** The widths stored in the settings (on the trusted side), as the next start reads them. */
  const storedWidths = async (page: Page, shell: { origin: string; token: string }) => {
    const r = await page.request.post(`${shell.origin}/api/getSettings`, { data: {}, headers: { 'X-FaceID-Console-Token': shell.token } });
    return ((await r.json()) as { value: { historyColumns: Record<string, number> } }).value.historyColumns;
  };
  const widthOf = async (page: Page, selector: string) =>
    Math.round(
      (await page
        .locator(selector)
        .first()
        .evaluate((el) => el.getBoundingClientRect().width)) ?? 0,
    );

  test('a column is resized by dragging its edge and by the arrow keys, and keeps its width after a reload', async ({ page, shell }) => {
    const tag = newTag();
    await issue(page, { biz_no: `h-${tag}-columns` }, 'issued');
    await openHistory(page);
    await search(page, `h-${tag}-columns`, '1 call');
    const edge = page.getByRole('separator', { name: 'Width of the biz_no column' });
    await expect(edge).toHaveAttribute('aria-valuemin', '48');
    const before = Number(await edge.getAttribute('aria-valuenow'));
    expect(before).toBeGreaterThan(90);

    // Dragged 40 px narrower by the mouse.
    const box = await edge.boundingBox();
    if (!box) throw new Error('the column edge has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 20, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 - 40, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    const dragged = before - 40;
    await expect(edge).toHaveAttribute('aria-valuenow', String(dragged));
    await expect.poll(() => storedWidths(page, shell)).toEqual({ bizNo: dragged });

    // A drag that Esc ends puts the width back as it was, and stores nothing new.
    await page.mouse.move(box.x + box.width / 2 - 40, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await expect(edge).toHaveAttribute('aria-valuenow', String(dragged + 40));
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await expect(edge).toHaveAttribute('aria-valuenow', String(dragged));
    await expect.poll(() => storedWidths(page, shell)).toEqual({ bizNo: dragged });

    // Then one arrow press wider: the edge is a focusable separator (WCAG 2.1.1).
    await edge.focus();
    await page.keyboard.press('ArrowRight');
    const keyed = dragged + 16;
    await expect(edge).toHaveAttribute('aria-valuenow', String(keyed));
    await expect(edge).toHaveAttribute('aria-valuetext', `${keyed} pixels`);
    await expect.poll(() => storedWidths(page, shell)).toEqual({ bizNo: keyed });
    // The calls' cells follow the header.
    expect(await widthOf(page, '[role="option"] .cell:nth-child(2)')).toBe(keyed);

    await page.reload();
    await openHistory(page);
    await search(page, `h-${tag}-columns`, '1 call');
    await expect(edge).toHaveAttribute('aria-valuenow', String(keyed));
    expect(await widthOf(page, '.history-head .cell:nth-child(2)')).toBe(keyed);
    expect(await widthOf(page, '[role="option"] .cell:nth-child(2)')).toBe(keyed);

    // A column hidden in a narrower window keeps its width for when the window is wide again.
    const idEdge = page.getByRole('separator', { name: 'Width of the biz_id / error column' });
    await idEdge.focus();
    await page.keyboard.press('Home');
    await expect(idEdge).toHaveAttribute('aria-valuenow', '48');
    await expect.poll(() => storedWidths(page, shell)).toEqual({ bizNo: keyed, bizId: 48 });
    const size = page.viewportSize() ?? { width: 1280, height: 720 };
    await page.setViewportSize({ width: 1024, height: size.height });
    await expect(idEdge).toBeHidden();
    await expect(edge).toBeVisible();
    await page.setViewportSize(size);
    await expect(idEdge).toHaveAttribute('aria-valuenow', '48');

    // Enter (or a double click) gives each column back its automatic share, for the next tests of this shell.
    await idEdge.press('Enter');
    await edge.dblclick();
    await expect(edge).toHaveAttribute('data-stored', 'auto');
    await expect.poll(() => storedWidths(page, shell)).toEqual({});
    await expect(edge).toHaveAttribute('aria-valuenow', String(before));
  });
});
