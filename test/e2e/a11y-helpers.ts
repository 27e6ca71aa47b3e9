/**
 * Shared steps of the accessibility, layout and language specs: the axe-core check (WCAG 2.0–2.2
 * A/AA rules; serious and critical findings fail) and the few journeys that reach each state.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The serious and critical axe violations on the page now, one line each (rule, node, why). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? v.help}`,
      ),
    );
}

/** Fails with every serious or critical violation listed, naming the state checked. */
export async function expectNoSeriousViolations(page: Page, state: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${state}`).toEqual([]);
}

/** Issues a liveness-only token from the Expert form and waits for it. */
export async function issueExpertToken(page: Page, uuid: string): Promise<void> {
  await page.getByLabel('uuid').fill(uuid);
  await page.getByRole('button', { name: 'Issue token' }).click();
  await expect(page.getByRole('region', { name: 'Token issued' })).toBeVisible();
}

/** Plays the customer on a second page: opens the link and picks an outcome, waits until it is recorded. */
export async function customerFinishes(context: BrowserContext, url: string, outcome: string): Promise<void> {
  const customer = await context.newPage();
  await customer.goto(url);
  await expect(customer.getByRole('heading', { name: /Liveness check/ })).toBeVisible();
  const recorded = customer.waitForResponse((r) => r.url().includes('/faceid/lite/do') && r.request().method() === 'POST');
  await customer.getByRole('button', { name: outcome, exact: true }).click();
  expect((await recorded).status()).toBe(200);
}
