// Polling waits for tests: the deadline only bounds a hang, it is never what a test asserts.

/** Resolves once cond() holds, checking every stepMs; throws after ms. */
export async function waitFor(cond: () => boolean, ms: number, stepMs = 20): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
