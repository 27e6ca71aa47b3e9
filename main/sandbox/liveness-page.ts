/**
 * The markup of the sandbox's liveness page and of the pages around it. The page plays the
 * customer's side: it shows what the token asked for and lets the tester pick the outcome, by a
 * preset button or a custom form whose every control has a real <label> naming the data field.
 */
import { DO_PATH } from '../../core/faceid/endpoints';
import { END_STATUSES, FAIL_REASONS } from '../../core/faceid/verification';
import { escapeHtml as e, page } from './html';
import { FAILED_UPLOADS, detailField, detailLayout } from './liveness-details';
import { FIELD, FORM_DEFAULTS, MAX_COUNTER, PRESETS } from './outcome-form';
import type { IssuedToken } from './tokens';
import { COMPARISON_THRESHOLDS, DEFAULT_PROCEDURE, FAKE_FACE_KINDS, FAKE_FACE_THRESHOLD, comparedRefs, reportedProcedure } from './verification-data';

const STATUS_WORDS: Record<(typeof END_STATUSES)[number], string> = {
  OK: 'OK — the customer finished the check',
  FAILED: 'FAILED — the flow broke off or errored',
  CANCELLED: 'CANCELLED — the customer quit',
  TIMEOUT: 'TIMEOUT — the flow timed out',
  WEBRTC_UNSUPPORTED: 'WEBRTC_UNSUPPORTED — the browser could not run the camera check',
};

/** How the browser hands the result to return_url: GET in any letter case, else POST (the default). */
export const returnMethod = (token: IssuedToken): 'GET' | 'POST' => ((token.params.action_http_method ?? '').toUpperCase() === 'GET' ? 'GET' : 'POST');

/** redirect_type=1 with GET: the liveness page must leave the browser's history (liveness.ts). */
export const replacesHistory = (token: IssuedToken): boolean => returnMethod(token) === 'GET' && token.params.redirect_type === '1';

/**
 * Submits the page's forms by fetch and leaves with location.replace, so Back skips the liveness
 * page. An error answer (an unreadable outcome) is shown as the page it is.
 */
const REPLACE_SCRIPT = `<script>
document.addEventListener('submit', async (ev) => {
  const form = ev.target;
  if (!(form instanceof HTMLFormElement)) return;
  ev.preventDefault();
  const body = new FormData(form, ev.submitter);
  body.append('hand_off', 'replace');
  const answer = await fetch(form.action, { method: 'POST', body, credentials: 'same-origin' });
  const text = await answer.text();
  if (answer.ok && (answer.headers.get('content-type') || '').startsWith('application/json')) return location.replace(JSON.parse(text).location);
  document.open();
  document.write(text);
  document.close();
});
</script>`;

const formAction = (token: IssuedToken) => `${DO_PATH}?token=${encodeURIComponent(token.token)}`;
const thresholdsText = Object.entries(COMPARISON_THRESHOLDS)
  .map(([k, v]) => `${k}: ${v}`)
  .join(', ');
const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

function row(name: string, value: string): string {
  return `<dt>${e(name)}</dt><dd>${e(value)}</dd>`;
}

function summary(token: IssuedToken): string {
  const p = token.params;
  const refs = comparedRefs(token);
  const comparison = p.comparison_type === '0' ? `0 — liveness and comparison with ${refs.join(' and ') || 'no uploaded photo'}` : `${p.comparison_type ?? ''} — liveness only`;
  const asked = (name: string, fallback: string) => (p[name] ? p[name] : `${fallback} (not sent)`);
  return `<dl>
${row('biz_no', token.biz_no)}
${row('biz_id', token.biz_id)}
${row('uuid', p.uuid ?? '(not sent)')}
${row('comparison_type', comparison)}
${row('procedure_type', asked('procedure_type', DEFAULT_PROCEDURE))}
${row('biz_extra_data', p.biz_extra_data ?? '')}
${row('fmp_mode', asked('fmp_mode', '1'))}
${row('get_fail_reason', asked('get_fail_reason', '0'))}
${row('get_shooting_error', asked('get_shooting_error', '0'))}
${row('return_multifaces_tag', asked('return_multifaces_tag', '0'))}
${row('action_http_method', asked('action_http_method', 'POST'))}
${row('redirect_type', asked('redirect_type', '0'))}
${row('return_url', p.return_url ?? '')}
${row('notify_url', p.notify_url ?? '')}
${row('expired_time', `${token.expired_time} (${iso(token.expired_time)})`)}
</dl>`;
}

/** What this token's request carried that the sandbox took on trust (lenient values, unknown names). */
function trustedList(token: IssuedToken): string {
  if (token.trusted.length === 0) return '';
  const items = token.trusted
    .map((t) => `<li><code>${e(t.param)}=${e(JSON.stringify(t.value))}</code>${t.treatedAs !== undefined ? ` answered as <code>${e(JSON.stringify(t.treatedAs))}</code>` : ''}: ${e(t.note)}</li>`)
    .join('\n');
  return `<section aria-labelledby="h-trusted">
<h2 id="h-trusted">Accepted on trust</h2>
<p class="note">The vendor has not confirmed these; the real service may answer differently.</p>
<ul>\n${items}\n</ul>
</section>`;
}

function detailsFieldset(token: IssuedToken): string {
  const procedure = reportedProcedure(token);
  const fields = detailLayout(procedure)
    .flatMap((g) =>
      g.keys.map((key) => {
        const name = detailField(g, key);
        const label = `details.${g.group ? `${g.group}.` : ''}${key}`;
        return `<div><label for="${e(name)}">${e(label)}</label> <input type="number" id="${e(name)}" name="${e(name)}" min="0" max="${MAX_COUNTER}" step="1" placeholder="${key === g.uploads ? '1' : '0'}"></div>`;
      }),
    )
    .join('\n');
  const inferred = procedure === 'video' || procedure === 'selfie' ? '' : ` The vendor documents no keys for ${procedure}: these are the sandbox's inference.`;
  return `<fieldset><legend>liveness_result.details for ${e(procedure)} (with status OK)</legend>
<p class="note">Leave a counter empty for its default: one upload and no refusal with liveness PASS; ${FAILED_UPLOADS} uploads, each refused for FACE_NOT_FOUND, with FAIL.${e(inferred)}</p>
${fields}
</fieldset>`;
}

function presets(token: IssuedToken): string {
  const items = PRESETS.filter((p) => p.appliesTo(token))
    .map((p) => `<li><button type="submit" name="${FIELD.preset}" value="${e(p.id)}" aria-describedby="preset-${e(p.id)}">${e(p.label)}</button> <span id="preset-${e(p.id)}" class="note">${e(p.describe)}</span></li>`)
    .join('\n');
  return `<form method="post" action="${e(formAction(token))}">\n<ul class="presets">\n${items}\n</ul>\n</form>`;
}

function radios(name: string, legend: string, options: readonly { value: string; label: string }[], checked: string): string {
  const inputs = options
    .map((o) => {
      const id = `${name}-${o.value}`;
      return `<div><input type="radio" id="${e(id)}" name="${e(name)}" value="${e(o.value)}"${o.value === checked ? ' checked' : ''}> <label for="${e(id)}">${e(o.label)}</label></div>`;
    })
    .join('\n');
  return `<fieldset><legend>${e(legend)}</legend>\n${inputs}\n</fieldset>`;
}

function numberField(name: string, label: string, min: number, max: number, value: number): string {
  return `<div><label for="${e(name)}">${e(label)}</label> <input type="number" id="${e(name)}" name="${e(name)}" min="${min}" max="${max}" step="any" value="${value}" required></div>`;
}

function checkbox(name: string, label: string): string {
  return `<div><input type="checkbox" id="${e(name)}" name="${e(name)}" value="1"> <label for="${e(name)}">${e(label)}</label></div>`;
}

function customForm(token: IssuedToken): string {
  const p = token.params;
  const parts = [
    radios(FIELD.status, 'status', END_STATUSES.map((s) => ({ value: s, label: STATUS_WORDS[s] })), 'OK'),
    radios(FIELD.liveness, 'liveness_result (with status OK)', [{ value: 'PASS', label: 'PASS' }, { value: 'FAIL', label: 'FAIL' }], 'PASS'),
  ];
  if (p.get_fail_reason === '1') parts.push(radios(FIELD.failReason, 'fail_reason (with status WEBRTC_UNSUPPORTED)', FAIL_REASONS.map((r) => ({ value: r, label: r })), 'SUPPORT_ERROR'));
  const refs = comparedRefs(token);
  if (refs.length > 0) {
    const fields = refs.map((r) => numberField(FIELD.confidence(r), `${r.replace('image_', 'result_')} confidence (0–100)`, 0, 100, FORM_DEFAULTS.confidence)).join('\n');
    parts.push(`<fieldset><legend>verify_result (with status OK and liveness PASS)</legend>\n<p class="note">Thresholds returned alongside: ${e(thresholdsText)}.</p>\n${fields}\n</fieldset>`);
  }
  const folds = p.fmp_mode === '0';
  const fake = FAKE_FACE_KINDS.map((k) => numberField(FIELD.fakeFace(k), `${k}_confidence (0–1, threshold ${FAKE_FACE_THRESHOLD})`, 0, 1, FORM_DEFAULTS.fakeFace[k])).join('\n');
  const effect = folds ? 'fmp_mode=0: a score above its threshold turns the liveness result into FAIL.' : 'fmp_mode=1: the scores are reported but do not change the liveness result.';
  parts.push(`<fieldset><legend>face_genuineness (with status OK)</legend>\n<p class="note">${e(effect)}</p>\n${fake}\n</fieldset>`);
  parts.push(detailsFieldset(token));
  if (p.get_shooting_error === '1') parts.push(checkbox(FIELD.shootingError, 'shooting_error: the page never received the recorded video'));
  if (p.return_multifaces_tag === '1') parts.push(checkbox(FIELD.multipleFaces, 'multiple_faces: several faces were seen'));
  return `<form method="post" action="${e(formAction(token))}">\n${parts.join('\n')}\n<button type="submit">Finish the flow with this outcome</button>\n</form>`;
}

/** The liveness page for a usable token. */
export function livenessPage(token: IssuedToken): string {
  return page(
    'Liveness check — FaceID sandbox',
    `<h1>Liveness check <span class="note">(FaceID sandbox)</span></h1>
<p>This page stands in for the customer's liveness check. Pick what happened: the sandbox ends the flow, sends the signed result to notify_url and takes this browser to return_url.</p>
<section aria-labelledby="h-request">
<h2 id="h-request">The verification</h2>
${summary(token)}
</section>
${trustedList(token)}
<section aria-labelledby="h-presets">
<h2 id="h-presets">One-click outcomes</h2>
${presets(token)}
</section>
<section aria-labelledby="h-custom">
<h2 id="h-custom">Custom outcome</h2>
${customForm(token)}
</section>${replacesHistory(token) ? `\n${REPLACE_SCRIPT}` : ''}`,
  );
}

export type TokenProblem = 'unknown' | 'used' | 'expired';

/** The error page for a token that cannot be used, naming INVALID_TOKEN and why. */
export function invalidTokenPage(problem: TokenProblem, token?: IssuedToken): string {
  const why: Record<TokenProblem, string> = {
    unknown: 'unknown — this sandbox never issued this token (or it was issued by an earlier run).',
    used: `used — the flow for this token already ended${token ? ` (biz_no ${token.biz_no})` : ''}; a token works once.`,
    expired: `expired — the token expired${token ? ` at ${iso(token.expired_time)} (expired_time ${token.expired_time})` : ''}.`,
  };
  return page(
    'Invalid liveness link — FaceID sandbox',
    `<h1>This liveness link cannot be used</h1>
<div class="error" role="alert"><p><strong>INVALID_TOKEN</strong>: ${e(why[problem])}</p></div>
<p>Ask for a new link: the merchant issues a new token (with a new biz_no) for each attempt.</p>`,
  );
}

/** The page for a POST whose outcome fields could not be read; the flow goes on. */
export function badChoicePage(message: string, token: IssuedToken): string {
  return page(
    'Outcome not understood — FaceID sandbox',
    `<h1>The outcome could not be read</h1>
<div class="error" role="alert"><p>${e(message)}</p></div>
<p>The flow is still running. <a href="${e(formAction(token))}">Back to the liveness page</a>.</p>`,
  );
}

/**
 * The POST hand-off to return_url: a form with `data` and `sign`, submitted at once by a tiny
 * script, with a visible Continue button for browsers that block or lack scripts.
 */
export function returnPostPage(returnUrl: string, data: string, sign: string): string {
  return page(
    'Returning to the merchant — FaceID sandbox',
    `<h1>The check is finished</h1>
<form id="return" method="post" action="${e(returnUrl)}">
<input type="hidden" name="data" value="${e(data)}">
<input type="hidden" name="sign" value="${e(sign)}">
<p>Returning you to the merchant…</p>
<button type="submit">Continue</button>
</form>
<script>document.getElementById('return').submit();</script>`,
  );
}
