/**
 * The liveness page route, `GET|POST /faceid/lite/do?token=…` (faceid-api.md §3). GET shows the
 * page (NOT_STARTED → PROCESSING); POST ends the flow with the tester's outcome, which starts the
 * notify_url callback, and hands the browser on to return_url.
 *
 * An unknown, used or expired token gets an HTML page (HTTP 400) naming INVALID_TOKEN and which
 * of the three it is: the vendor's page for this is undocumented (§3 note), INVALID_TOKEN is the
 * family's code for a bad token (§6), and the customer is in a browser, so not JSON.
 *
 * The return_url hand-off follows action_http_method (any letter case; POST when absent):
 * - POST: a page with a form posting `data` and `sign` to return_url, auto-submitted by a tiny
 *   script and with a visible Continue button.
 * - GET: 302 to return_url with `biz_id`, `data` and `sign` appended to its query (third-party
 *   code reads biz_id from it; sending data and sign too lets the merchant verify without a
 *   get_result, like the POST form). redirect_type has no effect: a 302 already replaces the
 *   POST in the browser's history.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallbackLog } from './callbacks';
import type { EndedFlow, FlowStore } from './flows';
import { sendHtml } from './html';
import { badChoicePage, invalidTokenPage, livenessPage, returnPostPage } from './liveness-page';
import { parseForm } from './multipart';
import { parseChoice } from './outcome-form';

export interface LivenessContext {
  flows: FlowStore;
  log: CallbackLog;
  now: () => number;
}

function sendReturn(res: ServerResponse, flow: EndedFlow, ctx: LivenessContext): void {
  const p = flow.token.params;
  const returnUrl = p.return_url ?? '';
  const method = (p.action_http_method ?? '').toUpperCase() === 'GET' ? 'GET' : 'POST';
  ctx.log.add({ at: ctx.now(), kind: 'return', url: returnUrl, method, attempt: 1, data: flow.data, sign: flow.sign });
  if (method === 'POST') return sendHtml(res, 200, returnPostPage(returnUrl, flow.data, flow.sign));
  const target = new URL(returnUrl);
  target.searchParams.append('biz_id', flow.token.biz_id);
  target.searchParams.append('data', flow.data);
  target.searchParams.append('sign', flow.sign);
  res.writeHead(302, { Location: target.toString(), 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
  res.end();
}

/** Serves the liveness page (GET) or ends the flow with the submitted outcome (POST). */
export async function handleLiveness(req: IncomingMessage, res: ServerResponse, url: URL, ctx: LivenessContext): Promise<void> {
  const token = url.searchParams.get('token') ?? '';
  if (req.method !== 'POST') {
    req.resume();
    const check = ctx.flows.checkToken(token);
    if (!check.ok) return sendHtml(res, 400, invalidTokenPage(check.problem, check.flow?.token));
    ctx.flows.open(check.flow);
    return sendHtml(res, 200, livenessPage(check.flow.token));
  }
  const form = await parseForm(req);
  const check = ctx.flows.checkToken(token);
  if (!check.ok) return sendHtml(res, 400, invalidTokenPage(check.problem, check.flow?.token));
  const parsed = form.kind === 'ok' ? parseChoice(form.fields, check.flow.token) : { ok: false as const, message: 'The page sent no readable form.' };
  if (!parsed.ok) return sendHtml(res, 400, badChoicePage(parsed.message, check.flow.token));
  // A POST without a prior GET (a script driving the sandbox) still passes through PROCESSING.
  ctx.flows.open(check.flow);
  sendReturn(res, ctx.flows.end(check.flow, parsed.choice, true), ctx);
}
