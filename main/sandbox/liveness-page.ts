/**
 * The markup of the sandbox's liveness page. The page plays the customer's side: it shows what
 * the token asked for and lets the tester pick the outcome, by a preset button or a custom form
 * whose every control has a real <label> naming the data field. Its words are in the token's
 * `language` (page-text.ts); parameter names, statuses and values stay as the vendor spells them.
 * The pages around it (INVALID_TOKEN, an unreadable outcome, the return_url hand-off) are in
 * notice-pages.ts.
 */
import { DO_PATH } from '../../core/faceid/endpoints';
import { END_STATUSES, FAIL_REASONS } from '../../core/faceid/verification';
import { escapeHtml as e, page } from './html';
import { tokenText, type PageText } from './page-text';
import { faceidText } from '../../core/faceid/messages';
import { FAILED_UPLOADS, detailField, detailLayout } from './liveness-details';
import { FIELD, FORM_DEFAULTS, MAX_COUNTER, PRESETS } from './outcome-form';
import type { IssuedToken } from './tokens';
import {
  COMPARISON_THRESHOLDS,
  DEFAULT_PROCEDURE,
  FAKE_FACE_KINDS,
  FAKE_FACE_THRESHOLD,
  comparedRefs,
  reportedProcedure,
} from './verification-data';

/** How the browser hands the result to return_url: GET in any letter case, else POST (the default). */
export const returnMethod = (token: IssuedToken): 'GET' | 'POST' =>
  (token.params.action_http_method ?? '').toUpperCase() === 'GET' ? 'GET' : 'POST';

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

/** Where the page's forms post: the same do-page, same token. */
export const formAction = (token: IssuedToken): string => `${DO_PATH}?token=${encodeURIComponent(token.token)}`;
const thresholdsText = Object.entries(COMPARISON_THRESHOLDS)
  .map(([k, v]) => `${k}: ${v}`)
  .join(', ');

function row(name: string, value: string): string {
  return `<dt>${e(name)}</dt><dd>${e(value)}</dd>`;
}

function summary(token: IssuedToken, w: PageText): string {
  const p = token.params;
  const refs = comparedRefs(token);
  const comparison =
    p.comparison_type === '0'
      ? w.text('value.compared', { type: '0', refs: refs.length > 0 ? w.and(refs) : w.text('value.noPhoto') })
      : w.text('value.livenessOnly', { type: p.comparison_type ?? '' });
  const asked = (name: string, fallback: string) => (p[name] ? p[name] : w.text('value.defaultNotSent', { value: fallback }));
  return `<dl>
${row('biz_no', token.biz_no)}
${row('biz_id', token.biz_id)}
${row('uuid', p.uuid ?? w.text('value.notSent'))}
${row('comparison_type', comparison)}
${row('procedure_type', asked('procedure_type', DEFAULT_PROCEDURE))}
${row('biz_extra_data', p.biz_extra_data ?? '')}
${row('fmp_mode', asked('fmp_mode', '1'))}
${row('get_fail_reason', asked('get_fail_reason', '0'))}
${row('get_shooting_error', asked('get_shooting_error', '0'))}
${row('return_multifaces_tag', asked('return_multifaces_tag', '0'))}
${row('action_http_method', asked('action_http_method', 'POST'))}
${row('redirect_type', asked('redirect_type', '0'))}
${row('language', asked('language', '0'))}
${row('return_url', p.return_url ?? '')}
${row('notify_url', p.notify_url ?? '')}
${row('expired_time', w.text('value.expiry', { unix: String(token.expired_time), when: w.when(token.expired_time) }))}
</dl>`;
}

/**
 * What this token's request carried that the sandbox took on trust (lenient values, unknown
 * names). Each entry's note is the developer's note the console's Sandbox panel and the CLI show
 * too, by reference: here in the page's language.
 */
function trustedList(token: IssuedToken, w: PageText): string {
  if (token.trusted.length === 0) return '';
  const items = token.trusted
    .map((t) => {
      const as =
        t.treatedAs !== undefined
          ? ` ${w.html('trusted.answeredAs', {}, { value: `<code>${e(JSON.stringify(t.treatedAs))}</code>` })}`
          : '';
      return `<li><code>${e(t.param)}=${e(JSON.stringify(t.value))}</code>${as}: ${e(faceidText(t.note, w.locale))}</li>`;
    })
    .join('\n');
  return `<section aria-labelledby="h-trusted">
<h2 id="h-trusted">${w.html('trusted.title')}</h2>
<p class="note">${w.html('trusted.note')}</p>
<ul>\n${items}\n</ul>
</section>`;
}

function detailsFieldset(token: IssuedToken, w: PageText): string {
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
  const note = w.html('note.details', { pass: 'PASS', fail: 'FAIL', failed: String(FAILED_UPLOADS), code: 'FACE_NOT_FOUND' });
  const inferred = procedure === 'video' || procedure === 'selfie' ? '' : ` ${w.html('note.detailsInferred', { procedure })}`;
  return `<fieldset><legend>${w.html('legend.details', { name: 'liveness_result.details', procedure, status: 'OK' })}</legend>
<p class="note">${note}${inferred}</p>
${fields}
</fieldset>`;
}

function presets(token: IssuedToken, w: PageText): string {
  const items = PRESETS.filter((p) => p.appliesTo(token))
    .map(
      (p) =>
        `<li><button type="submit" name="${FIELD.preset}" value="${e(p.id)}" aria-describedby="preset-${e(p.id)}">${w.html(`preset.${p.id}.label`)}</button> <span id="preset-${e(p.id)}" class="note">${w.html(`preset.${p.id}.describe`, p.describeParams)}</span></li>`,
    )
    .join('\n');
  return `<form method="post" action="${e(formAction(token))}">\n<ul class="presets">\n${items}\n</ul>\n</form>`;
}

/** A radio group; each option's label is trusted markup. */
function radios(name: string, legend: string, options: readonly { value: string; label: string }[], checked: string): string {
  const inputs = options
    .map((o) => {
      const id = `${name}-${o.value}`;
      return `<div><input type="radio" id="${e(id)}" name="${e(name)}" value="${e(o.value)}"${o.value === checked ? ' checked' : ''}> <label for="${e(id)}">${o.label}</label></div>`;
    })
    .join('\n');
  return `<fieldset><legend>${legend}</legend>\n${inputs}\n</fieldset>`;
}

const plain = (values: readonly string[]) => values.map((v) => ({ value: v, label: e(v) }));

function numberField(name: string, label: string, min: number, max: number, value: number): string {
  return `<div><label for="${e(name)}">${label}</label> <input type="number" id="${e(name)}" name="${e(name)}" min="${min}" max="${max}" step="any" value="${value}" required></div>`;
}

function checkbox(name: string, label: string): string {
  return `<div><input type="checkbox" id="${e(name)}" name="${e(name)}" value="1"> <label for="${e(name)}">${label}</label></div>`;
}

function customForm(token: IssuedToken, w: PageText): string {
  const p = token.params;
  const statuses = END_STATUSES.map((s) => ({ value: s, label: `${e(s)} — ${w.html(`status.${s}`)}` }));
  const parts = [
    radios(FIELD.status, e('status'), statuses, 'OK'),
    radios(FIELD.liveness, w.html('legend.withStatus', { name: 'liveness_result', status: 'OK' }), plain(['PASS', 'FAIL']), 'PASS'),
  ];
  if (p.get_fail_reason === '1')
    parts.push(
      radios(
        FIELD.failReason,
        w.html('legend.withStatus', { name: 'fail_reason', status: 'WEBRTC_UNSUPPORTED' }),
        plain(FAIL_REASONS),
        'SUPPORT_ERROR',
      ),
    );
  const refs = comparedRefs(token);
  if (refs.length > 0) {
    const fields = refs
      .map((r) =>
        numberField(
          FIELD.confidence(r),
          w.html('field.confidence', { name: r.replace('image_', 'result_'), min: '0', max: '100' }),
          0,
          100,
          FORM_DEFAULTS.confidence,
        ),
      )
      .join('\n');
    const legend = w.html('legend.withStatusAndLiveness', { name: 'verify_result', status: 'OK', liveness: 'PASS' });
    parts.push(
      `<fieldset><legend>${legend}</legend>\n<p class="note">${w.html('note.thresholds', { list: thresholdsText })}</p>\n${fields}\n</fieldset>`,
    );
  }
  const folds = p.fmp_mode === '0';
  const fake = FAKE_FACE_KINDS.map((k) =>
    numberField(
      FIELD.fakeFace(k),
      w.html('field.fakeFace', { name: `${k}_confidence`, min: '0', max: '1', threshold: String(FAKE_FACE_THRESHOLD) }),
      0,
      1,
      FORM_DEFAULTS.fakeFace[k],
    ),
  ).join('\n');
  const effect = folds
    ? w.html('note.fmpFolds', { setting: 'fmp_mode=0', fail: 'FAIL' })
    : w.html('note.fmpReports', { setting: 'fmp_mode=1' });
  parts.push(
    `<fieldset><legend>${w.html('legend.withStatus', { name: 'face_genuineness', status: 'OK' })}</legend>\n<p class="note">${effect}</p>\n${fake}\n</fieldset>`,
  );
  parts.push(detailsFieldset(token, w));
  if (p.get_shooting_error === '1') parts.push(checkbox(FIELD.shootingError, `shooting_error: ${w.html('field.shootingError')}`));
  if (p.return_multifaces_tag === '1') parts.push(checkbox(FIELD.multipleFaces, `multiple_faces: ${w.html('field.multipleFaces')}`));
  return `<form method="post" action="${e(formAction(token))}">\n${parts.join('\n')}\n<button type="submit">${w.html('liveness.finish')}</button>\n</form>`;
}

/** The liveness page for a usable token, in the token's `language`. */
export function livenessPage(token: IssuedToken): string {
  const w = tokenText(token);
  return page(
    w.lang,
    w.text('titled', { page: w.text('liveness.title'), sandbox: w.text('sandbox') }),
    `<h1>${w.html('liveness.title')} <span class="note">(${w.html('sandbox')})</span></h1>
<p>${w.html('liveness.intro')}</p>
<section aria-labelledby="h-request">
<h2 id="h-request">${w.html('liveness.request')}</h2>
${summary(token, w)}
</section>
${trustedList(token, w)}
<section aria-labelledby="h-presets">
<h2 id="h-presets">${w.html('liveness.presets')}</h2>
${presets(token, w)}
</section>
<section aria-labelledby="h-custom">
<h2 id="h-custom">${w.html('liveness.custom')}</h2>
${customForm(token, w)}
</section>${replacesHistory(token) ? `\n${REPLACE_SCRIPT}` : ''}`,
  );
}
