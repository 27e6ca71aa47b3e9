/**
 * The liveness page route, `GET|POST /faceid/lite/do?token=…` (faceid-api.md §3). GET shows the
 * page (NOT_STARTED → PROCESSING); POST ends the flow with the tester's outcome, which starts the
 * notify_url callback, and hands the browser on to return_url.
 *
 * An unknown, used or expired token gets an HTML page (HTTP 400) naming INVALID_TOKEN and which
 * of the three it is: the vendor's page for this is undocumented (§3 note), INVALID_TOKEN is the
 * family's code for a bad token (§6), and the customer is in a browser, so not JSON.
 *
 * Every page here speaks the token's `language` (page-text.ts: 0 English, 1 Chinese, 2
 * Indonesian; other codes, Thai among them, in English), with `<html lang>` to match.
 *
 * The return_url hand-off follows action_http_method (any letter case; POST when absent):
 * - POST: a page with a form posting `data` and `sign` to return_url, auto-submitted by a tiny
 *   script and with a visible Continue button.
 * - GET: 302 to return_url with `biz_id`, `data` and `sign` appended to its query (third-party
 *   code reads biz_id from it; sending data and sign too lets the merchant verify without a
 *   get_result, like the POST form). The browser's Back then returns to the liveness page.
 * - GET with redirect_type=1: the vendor documents that Back then returns to the page before the
 *   liveness flow. The page submits the outcome by script (`hand_off=replace`), gets the target
 *   as JSON and leaves with `location.replace`, so the liveness page drops out of the history.
 *   Without script the form posts as usual and gets the 302 (inferred: the vendor's mechanism is
 *   not documented). With POST, redirect_type has no effect ("only with GET", §2.2).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallbackLog } from './callbacks';
import type { EndedFlow, FlowStore } from './flows';
import type { IssuedToken } from './tokens';
import { sendHtml } from './html';
import { livenessPage, replacesHistory, returnMethod } from './liveness-page';
import { parseForm } from './multipart';
import { badChoicePage, invalidTokenPage, returnPostPage, type TokenProblem } from './notice-pages';
import { parseChoice, problem } from './outcome-form';
import { browserText, tokenText } from './page-text';

export interface LivenessContext {
  flows: FlowStore;
  log: CallbackLog;
  now: () => number;
}

/** The field the page's script adds when it will leave with location.replace. */
export const HAND_OFF_FIELD = 'hand_off';

function sendReturn(res: ServerResponse, flow: EndedFlow, ctx: LivenessContext, replace: boolean): void {
  const p = flow.token.params;
  const returnUrl = p.return_url ?? '';
  const method = returnMethod(flow.token);
  ctx.log.add({ at: ctx.now(), kind: 'return', url: returnUrl, method, attempt: 1, data: flow.data, sign: flow.sign });
  if (method === 'POST') return sendHtml(res, 200, returnPostPage(tokenText(flow.token), returnUrl, flow.data, flow.sign));
  const target = new URL(returnUrl);
  target.searchParams.append('biz_id', flow.token.biz_id);
  target.searchParams.append('data', flow.data);
  target.searchParams.append('sign', flow.sign);
  if (replace && replacesHistory(flow.token)) {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify({ location: target.toString() }));
    return;
  }
  res.writeHead(302, { Location: target.toString(), 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
  res.end();
}

/** INVALID_TOKEN in the token's language, or the browser's when the sandbox does not know the token. */
function sendInvalid(req: IncomingMessage, res: ServerResponse, problem: TokenProblem, token: IssuedToken | undefined): void {
  sendHtml(res, 400, invalidTokenPage(token ? tokenText(token) : browserText(req.headers), problem, token));
}

/** Serves the liveness page (GET) or ends the flow with the submitted outcome (POST). */
export async function handleLiveness(req: IncomingMessage, res: ServerResponse, url: URL, ctx: LivenessContext): Promise<void> {
  const token = url.searchParams.get('token') ?? '';
  if (req.method !== 'POST') {
    req.resume();
    const check = ctx.flows.checkToken(token);
    if (!check.ok) return sendInvalid(req, res, check.problem, check.flow?.token);
    ctx.flows.open(check.flow);
    return sendHtml(res, 200, livenessPage(check.flow.token));
  }
  const form = await parseForm(req);
  const check = ctx.flows.checkToken(token);
  if (!check.ok) return sendInvalid(req, res, check.problem, check.flow?.token);
  const parsed = form.kind === 'ok' ? parseChoice(form.fields, check.flow.token) : { ok: false as const, problem: problem('noForm') };
  if (!parsed.ok) return sendHtml(res, 400, badChoicePage(tokenText(check.flow.token), parsed.problem, check.flow.token));
  // A POST without a prior GET (a script driving the sandbox) still passes through PROCESSING.
  ctx.flows.open(check.flow);
  sendReturn(res, ctx.flows.end(check.flow, parsed.choice, true), ctx, form.kind === 'ok' && form.fields.get(HAND_OFF_FIELD) === 'replace');
}
