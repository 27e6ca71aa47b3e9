/**
 * The pages around the liveness page, in the customer's language (page-text.ts): the
 * INVALID_TOKEN page, the page for an outcome the sandbox could not read, and the return_url
 * hand-off. Error codes, problem names and parameter names stay as the vendor spells them.
 */
import type { MessageRef } from '../../core/i18n/render';
import { escapeHtml as e, page } from './html';
import { formAction } from './liveness-page';
import type { PageText } from './page-text';
import type { IssuedToken } from './tokens';

export type TokenProblem = 'unknown' | 'used' | 'expired';

const titled = (w: PageText, key: string) => w.text('titled', { page: w.text(key), sandbox: w.text('sandbox') });

function why(w: PageText, problem: TokenProblem, token: IssuedToken | undefined): string {
  if (problem === 'unknown') return w.html('invalid.unknown');
  if (problem === 'used') return token ? w.html('invalid.usedBizNo', { bizNo: token.biz_no }) : w.html('invalid.used');
  return token
    ? w.html('invalid.expiredAt', { when: w.when(token.expired_time), unix: String(token.expired_time) })
    : w.html('invalid.expired');
}

/** The error page for a token that cannot be used, naming INVALID_TOKEN and which of the three problems it is. */
export function invalidTokenPage(w: PageText, problem: TokenProblem, token?: IssuedToken): string {
  return page(
    w.lang,
    titled(w, 'invalid.title'),
    `<h1>${w.html('invalid.heading')}</h1>
<div class="error" role="alert"><p><strong>INVALID_TOKEN</strong>: ${e(problem)} — ${why(w, problem, token)}</p></div>
<p>${w.html('invalid.advice')}</p>`,
  );
}

/** The page for a POST whose outcome fields could not be read; the flow goes on. */
export function badChoicePage(w: PageText, problem: MessageRef, token: IssuedToken): string {
  return page(
    w.lang,
    titled(w, 'bad.title'),
    `<h1>${w.html('bad.heading')}</h1>
<div class="error" role="alert"><p>${w.html(problem.key, problem.params)}</p></div>
<p>${w.html('bad.running')} <a href="${e(formAction(token))}">${w.html('bad.back')}</a>.</p>`,
  );
}

/**
 * The POST hand-off to return_url: a form with `data` and `sign`, submitted at once by a tiny
 * script, with a visible Continue button for browsers that block or lack scripts.
 */
export function returnPostPage(w: PageText, returnUrl: string, data: string, sign: string): string {
  return page(
    w.lang,
    titled(w, 'handOff.title'),
    `<h1>${w.html('handOff.heading')}</h1>
<form id="return" method="post" action="${e(returnUrl)}">
<input type="hidden" name="data" value="${e(data)}">
<input type="hidden" name="sign" value="${e(sign)}">
<p>${w.html('handOff.wait')}</p>
<button type="submit">${w.html('handOff.continue')}</button>
</form>
<script>document.getElementById('return').submit();</script>`,
  );
}
