/**
 * The sandbox's own HTML pages (liveness page, its error pages, the return_url hand-off): plain
 * server-rendered documents with inline styles only, so they work offline and leak nothing to
 * third parties.
 */
import type { ServerResponse } from 'node:http';

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const STYLE = [
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1a1d21}',
  'main{max-width:44rem;margin:0 auto;padding:1rem 1.25rem 3rem}',
  'h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}',
  'fieldset{border:1px solid #c8ccd2;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}',
  'label{margin-right:1rem}input[type=number]{width:8rem}',
  'button{font:inherit;padding:.45rem 1rem;margin:.25rem 0;border-radius:6px;border:1px solid #2f855a;background:#2f855a;color:#fff;cursor:pointer}',
  'button:focus-visible,input:focus-visible{outline:3px solid #f6ad55;outline-offset:2px}',
  'ul.presets{list-style:none;padding:0}ul.presets li{margin:.4rem 0}',
  '.note{color:#4a5058}.error{border-left:4px solid #c53030;padding-left:1rem}',
].join('');

/**
 * A complete page in the language `lang` (a BCP 47 tag, for `<html lang>`); `body` is trusted
 * markup (every value in it already escaped).
 */
export function page(lang: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/**
 * Sends a page. Never cached (it shows a live flow), and no Referer leaves it: the liveness
 * link carries the token, which return_url's server has no business seeing.
 */
export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(html);
}
