/**
 * The desk hand-off's LAN choice for the built-in sandbox: the clerk serves it on this computer's
 * network address, the QR link then carries that address and the sandbox answers there; back to
 * "this computer only", the link is loopback again and the LAN address no longer answers.
 */
import { networkInterfaces } from 'node:os';
import { expect, skipBecause, test } from './fixtures';

const lan = Object.values(networkInterfaces())
  .flat()
  .find((e) => e && e.family === 'IPv4' && !e.internal)?.address;
const NO_LAN = 'this machine has no non-internal IPv4 address to serve on';

test.describe('desk hand-off on the branch network', () => {
  test.use({ startView: null, viewport: { width: 1366, height: 768 } });
  // Both tests need a LAN address: without one they skip, and say why, as the Electron specs do.
  skipBecause('desk-lan', lan ? undefined : NO_LAN);

  const issue = async (page: import('@playwright/test').Page, uuid: string) => {
    await page.getByLabel('Customer ID · uuid').fill(uuid);
    await page.getByRole('button', { name: 'Issue QR code' }).click();
    await expect(page.getByRole('img', { name: 'QR code of the liveness link' })).toBeVisible();
  };
  const lanLink = (address: string) => new RegExp(`^http://${address.replace(/\./g, '\\.')}:\\d+/faceid/lite/do\\?token=`);

  test('serves the sandbox on a LAN address with a warning; the phone opens the link there', async ({ page, request }, info) => {
    const address = lan ?? '';
    await issue(page, 'lan-customer-1');
    const link = page.getByTestId('desk-liveness-url');
    await expect(link).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/faceid\/lite\/do\?token=/);
    await expect(page.getByText('a phone cannot reach 127.0.0.1')).toBeVisible();

    const reach = page.getByLabel('Sandbox reachable from');
    await expect(reach).toHaveValue('');
    await reach.selectOption(address);
    await expect(page.getByText('reachable from other machines on this network')).toBeVisible();
    await expect(page.getByText('a phone cannot reach 127.0.0.1')).toHaveCount(0);
    await expect(link).toHaveText(lanLink(address));
    await page.screenshot({ path: info.outputPath('desk-lan-1366.png') });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: info.outputPath('desk-lan-1024.png') });

    // The phone's view: the liveness page answers on the LAN address, and the desk sees it opened.
    const phone = await request.get((await link.textContent()) ?? '');
    expect(phone.status()).toBe(200);
    expect(await phone.text()).toContain('Liveness check');
    await expect(page.getByRole('img', { name: 'QR code of the liveness link' })).toHaveCount(0);
  });

  test('switching back to this computer only returns the link to loopback and closes the LAN address', async ({ page, request }) => {
    const address = lan ?? '';
    await issue(page, 'lan-customer-2');
    const link = page.getByTestId('desk-liveness-url');
    const reach = page.getByLabel('Sandbox reachable from');
    await reach.selectOption(address);
    await expect(link).toHaveText(lanLink(address));
    const base = new URL((await link.textContent()) ?? '').origin;
    expect((await request.get(`${base}/faceid/lite/do?token=nobody`)).status()).toBeGreaterThanOrEqual(400);

    await reach.selectOption('');
    await expect(link).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\//);
    await expect(page.getByText('reachable from other machines on this network')).toHaveCount(0);
    await expect(page.getByText('a phone cannot reach 127.0.0.1')).toBeVisible();
    await expect(request.get(`${base}/faceid/lite/do?token=nobody`, { timeout: 3000 })).rejects.toThrow();
  });
});
