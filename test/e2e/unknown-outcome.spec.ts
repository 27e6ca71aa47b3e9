import { expect, test } from './fixtures';

test.describe('an unknown outcome', () => {
  test('a reset after the request is recorded as unknown, explained, and cloned with a new biz_no', async ({ page, shell }) => {
    const bizNo = `unknown-${test.info().workerIndex}-${Date.now()}`;
    // The sandbox processes the next call (a token exists) and then drops the connection.
    const fault = await page.request.put(`${shell.sandboxUrl}/sandbox/faults`, { data: { mode: 'reset', remaining: 1 } });
    expect(fault.ok()).toBe(true);
    await page.getByLabel('biz_no').fill(bizNo);
    await page.getByLabel('uuid').fill('customer-reset');
    await page.getByRole('button', { name: 'Issue token' }).click();
    const result = page.getByRole('region', { name: 'Outcome unknown' });
    await expect(result).toContainText('A token may have been issued');
    await expect(page.getByLabel('biz_no')).not.toHaveValue(bizNo);

    await page.getByRole('tab', { name: 'Support' }).click();
    await page.getByLabel('Search').fill(bizNo);
    const row = page.getByRole('listbox', { name: 'Calls' }).getByRole('option', { name: new RegExp(bizNo) });
    await expect(row).toContainText(/unknown/i);
    await row.click();
    const note = page.getByRole('note', { name: 'Outcome unknown' });
    await expect(note).toContainText('Do not retry it with the same biz_no');
    await note.getByRole('button', { name: 'Clone with a new biz_no' }).click();
    await expect(page.getByRole('tab', { name: 'Expert' })).toHaveAttribute('aria-selected', 'true');
    const fresh = await page.getByLabel('biz_no').inputValue();
    expect(fresh).not.toBe(bizNo);
    expect(fresh).not.toBe('');
  });
});
