/**
 * A cURL command as customers paste it: our own "Copy as cURL", a browser's "Copy as cURL (bash)",
 * or one typed by hand — line continuations, -F/--form, --form-string, -d/--data* (urlencoded or
 * a whole multipart body), query strings. Variables like $FACEID_API_SECRET are left unexpanded.
 * A file reference (-F image_ref1=@face.jpg) carries no bytes: the note names the file.
 */
import { parse } from 'shell-quote';
import { addField, addPhoto, emptyImport, isFileParam } from './collect';
import { importMultipart, isMultipartDump } from './multipart';
import { ImportError, type ImportedCall } from './types';

const FORM = new Set(['-F', '--form']);
const FORM_STRING = new Set(['--form-string']);
const DATA = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--data-urlencode']);
const HEADER = new Set(['-H', '--header']);
/** Options that take a value we do not need (so the value is not read as the URL). */
const WITH_VALUE = new Set([
  '-X',
  '--request',
  '-u',
  '--user',
  '-o',
  '--output',
  '-A',
  '--user-agent',
  '-e',
  '--referer',
  '-b',
  '--cookie',
  '-m',
  '--max-time',
  '--connect-timeout',
  '-x',
  '--proxy',
]);

/** Whether a paste is a cURL command. */
export const isCurl = (text: string): boolean => /^\s*(\$\s*)?curl(\.exe)?\s/i.test(text);

function addUrlencoded(call: ImportedCall, body: string): void {
  for (const [k, v] of new URLSearchParams(body)) addField(call, k, v);
}

/** Reads a cURL command into form values and photo notes. */
export function importCurl(text: string): ImportedCall {
  // Windows cmd's caret continuations become the shell's backslash ones.
  const joined = text.replace(/\^\r?\n/g, ' ').replace(/\\\r?\n/g, ' ');
  let tokens: string[];
  try {
    tokens = parse(joined.replace(/^\s*\$\s*/, ''), (name) => `$${name}`).map((t) =>
      typeof t === 'string' ? t : 'op' in t ? t.op : String((t as { pattern?: string }).pattern ?? ''),
    );
  } catch (e) {
    throw new ImportError('BAD_CURL', e instanceof Error ? e.message : String(e));
  }
  const call = emptyImport('curl');
  let url: string | undefined;
  let contentType = '';
  const bodies: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const next = () => tokens[++i] ?? '';
    if (t === '') continue;
    if (FORM.has(t) || FORM_STRING.has(t)) {
      const spec = next();
      const at = spec.indexOf('=');
      if (at <= 0) continue;
      const name = spec.slice(0, at);
      const value = spec.slice(at + 1);
      if (FORM.has(t) && value.startsWith('@') && isFileParam(name)) {
        const filename = /;filename=([^;]+)/.exec(value)?.[1] ?? value.slice(1).split(';')[0] ?? '';
        addPhoto(call, name, filename, undefined);
      } else if (FORM.has(t) && value.startsWith('<')) call.notes.push({ code: 'PHOTO_NOT_IN_PASTE', param: name, detail: value.slice(1) });
      else addField(call, name, FORM.has(t) ? (value.split(';type=')[0] ?? value) : value);
    } else if (DATA.has(t)) bodies.push(next());
    else if (HEADER.has(t)) {
      const h = next();
      if (/^content-type:/i.test(h)) contentType = h;
    } else if (WITH_VALUE.has(t)) next();
    else if (t.startsWith('--url=')) url = t.slice(6);
    else if (t === '--url') url = next();
    else if (!t.startsWith('-') && url === undefined) url = t;
  }
  if (url) {
    call.notes.push({ code: 'URL', detail: url.replace(/([?&]api_secret=)[^&]*/g, '$1…') });
    const query = url.indexOf('?');
    if (query >= 0) addUrlencoded(call, url.slice(query + 1));
  }
  for (const body of bodies) {
    if (isMultipartDump(`${contentType}\n${body}`)) {
      const inner = importMultipart(`${contentType}\n\n${body}`);
      for (const [k, v] of Object.entries(inner.params)) addField(call, k, v);
      for (const n of inner.notes) if (!call.notes.some((m) => m.code === n.code && m.param === n.param)) call.notes.push(n);
      for (const p of inner.photos) addPhoto(call, p.param, p.filename, p.bytes);
    } else addUrlencoded(call, body);
  }
  return call;
}
