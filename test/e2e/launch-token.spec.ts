import { bridgeMessages } from '../../renderer/i18n/bridge-messages';
import { expect, test } from './fixtures';

test.describe("the browser shell's access token", () => {
  test('moves from the launch URL into the tab, survives a reload and is never a cookie', async ({ page, shell }) => {
    // The fixture opened the launch URL and reloaded the page.
    expect(page.url()).toBe(`${shell.origin}/`);
    await expect(page.getByTestId('profile-badge')).toContainText('Sandbox (built-in)');
    expect(await page.evaluate(() => sessionStorage.getItem('faceid-console-token'))).toBe(shell.token);
    expect(await page.context().cookies()).toEqual([]);
    const apiCall = page.waitForRequest((r) => r.url().endsWith('/api/listProfiles'));
    await page.reload();
    const sent = await apiCall;
    expect(await sent.headerValue('x-faceid-console-token')).toBe(shell.token);
    expect(sent.headers().cookie).toBeUndefined();
    await expect(page.getByTestId('profile-badge')).toContainText('Sandbox (built-in)');
  });

  test('a tab opened without the launch URL says how to get in', async ({ browser, shell }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${shell.origin}/`);
    await expect(page.getByRole('alert')).toContainText('Open the console again with the URL printed when it was started');
    const stale = await context.newPage();
    await stale.goto(`${shell.origin}/#token=${'x'.repeat(32)}`);
    await expect(stale.getByRole('alert')).toContainText('The access token is wrong');
    expect(stale.url()).toBe(`${shell.origin}/`);
    await context.close();
  });

  test('the way back in is said in the browser’s language, after the refusal’s own words', async ({ browser, shell }) => {
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${shell.origin}/`);
    await expect(page.getByRole('alert')).toContainText(bridgeMessages.id.noToken);
    await expect(page.getByRole('alert')).toContainText(bridgeMessages.id.reopen);
    const stale = await context.newPage();
    await stale.goto(`${shell.origin}/#token=${'x'.repeat(32)}`);
    // A 401 keeps what the server said (its words, or its message) and adds the hint.
    await expect(stale.getByRole('alert')).toContainText(bridgeMessages.id.reopen);
    await expect(stale.getByRole('alert')).not.toContainText(bridgeMessages.en.reopen);
    await expect(stale.getByRole('alert')).not.toHaveText(bridgeMessages.id.reopen);
    await context.close();
  });
});
