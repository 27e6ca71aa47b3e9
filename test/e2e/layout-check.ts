/**
 * Layout checks by boxes, not pixels: the page never scrolls sideways, no element reaches outside
 * the viewport's width (except inside a container that scrolls on purpose), no element cuts its
 * content off without an ellipsis, a middle-cut id keeps its end, no label in the header wraps, and no
 * one-word button label breaks.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Every layout problem on the page now, one line each. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    const name = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}${text ? ` "${text}"` : ''}`;
    };
    if (document.documentElement.scrollWidth > vw + 1)
      problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in ${vw} px`);
    const scrollsSideways = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    const insideScroller = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (scrollsSideways(p)) return true;
      return false;
    };
    const skipped = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'SCRIPT', 'STYLE', 'BR']);
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      if (!(el instanceof HTMLElement) || skipped.has(el.tagName)) continue;
      if (el.closest('.visually-hidden, dialog:not([open]), .desk-record')) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none') continue;
      if (!insideScroller(el) && (r.right > vw + 1 || r.left < -1))
        problems.push(`${name(el)} reaches outside the viewport: ${Math.round(r.left)}–${Math.round(r.right)} of ${vw} px`);
      const clips = ['hidden', 'clip'].includes(cs.overflowX);
      // A middle-cut id's tail may lose its start (the head's ellipsis marks the cut), never its end: checked below.
      const tail = el.classList.contains('id-tail');
      if (clips && !tail && cs.textOverflow !== 'ellipsis' && el.scrollWidth > el.clientWidth + 1 && !scrollsSideways(el))
        problems.push(`${name(el)} cuts off its content: ${el.scrollWidth} px in ${el.clientWidth} px`);
    }
    // A middle-cut id always shows its last character: the end of its tail lies inside its cell.
    for (const text of Array.from(document.querySelectorAll('.id-tail-text'))) {
      const cell = text.closest('.cell');
      if (!cell || text.getBoundingClientRect().width === 0) continue;
      const end = text.getBoundingClientRect().right;
      const edge = cell.getBoundingClientRect().right - parseFloat(getComputedStyle(cell).paddingRight);
      if (end > edge + 1) problems.push(`${name(cell)}: the id's end is cut off (${Math.round(end)} px past ${Math.round(edge)} px)`);
    }
    // A label in the header stays on one line; a one-word label on any button is never broken.
    const oneLine = new Set(
      Array.from(document.querySelectorAll('.app-header button, .app-header h1, [role="tab"], .app-header .profile-badge')),
    );
    for (const el of Array.from(
      document.querySelectorAll('.app-header button, .app-header h1, [role="tab"], .app-header .profile-badge, button, a.button'),
    )) {
      if (!(el instanceof HTMLElement) || el.getBoundingClientRect().width === 0) continue;
      // Each run of text on its own: a badge's parts sit side by side at different heights.
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        if (text === '' || (!oneLine.has(el) && /\s/.test(text))) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const tops = new Set(
          Array.from(range.getClientRects())
            .filter((b) => b.width > 0)
            .map((b) => Math.round(b.top)),
        );
        if (tops.size > 1) problems.push(`${name(el)}: "${(node.textContent ?? '').trim()}" wraps over ${tops.size} lines`);
      }
    }
    return problems;
  });
}

/** Fails with every layout problem listed, naming the screen. */
export async function expectCleanLayout(page: Page, screen: string): Promise<void> {
  expect(await layoutProblems(page), `layout of ${screen}`).toEqual([]);
}

/** The element's box lies wholly inside the viewport's width, and its top is on screen. */
export async function expectInView(page: Page, target: Locator, what: string): Promise<void> {
  const box = await target.boundingBox();
  const size = page.viewportSize();
  expect(box, `${what} has a box`).not.toBeNull();
  if (!box || !size) return;
  expect(box.x, `${what} starts inside the viewport`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} ends inside the viewport`).toBeLessThanOrEqual(size.width + 1);
  expect(box.y, `${what} begins above the viewport's bottom`).toBeLessThan(size.height);
}
