/**
 * "Copy as cURL": a shell command that reproduces a past get_token call's multipart request
 * exactly — every field in the order it was sent, each photo as its own part with its content
 * type — with the secret left to the environment ($FACEID_API_SECRET), never written out.
 *
 * The one deliberate difference is biz_no: the service expects it unique, so by default the command
 * carries a fresh one and says so in its first line; resending the original is the caller's
 * explicit choice and the command then carries the warning. A photo whose bytes were not kept is
 * named by its SHA-256 (`<sha256>.jpg`), so the agent can find the customer's file by hash.
 */
import { PARAMS } from '../../core/faceid/catalogue';
import type { HistoryPhoto, HistoryRow } from '../../core/history';
import { photoMimeType, type PhotoFormat } from '../../core/faceid/photo';
import { GET_TOKEN_PATH, serviceUrl } from '../../core/faceid/endpoints';

/** POSIX shell single-quoting. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

const EXTENSION: Record<string, string> = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp', bmp: 'bmp', heif: 'heic', tiff: 'tif' };

/** The local file name the command expects for a photo: by hash when its bytes were not kept. */
export function photoFileName(p: HistoryPhoto): string {
  return `${p.kept ? p.param : p.sha256}.${EXTENSION[p.format ?? ''] ?? 'bin'}`;
}

/** How the command treats biz_no: a fresh one (the default), or the original, explicitly. */
export type CurlBizNo = { fresh: string } | { keepOriginal: true };

/** The cURL command for a recorded call. */
export function curlCommand(row: Pick<HistoryRow, 'baseUrl' | 'params' | 'photos'>, bizNo: CurlBizNo): string {
  const url = serviceUrl(row.baseUrl, GET_TOKEN_PATH);
  const lines: string[] = [];
  const original = row.params.biz_no ?? '';
  const params = 'fresh' in bizNo ? { ...row.params, biz_no: bizNo.fresh } : row.params;
  if ('fresh' in bizNo)
    lines.push(`# biz_no: a fresh ${bizNo.fresh} instead of the original ${original} (the service expects each biz_no to be unique)`);
  else
    lines.push(
      `# WARNING: this resends the original biz_no ${original}; the service expects each biz_no to be unique, and two tokens under one biz_no are hard to tell apart`,
    );
  for (const p of row.photos) {
    const where = p.kept
      ? "kept by the console: save it from the call's photo"
      : `not kept: find the file whose SHA-256 is ${p.sha256} (sha256sum)`;
    lines.push(`# ${p.param}: ${p.filename} (${p.bytes} bytes), ${where}, as ./${photoFileName(p)}`);
  }
  lines.push('# The secret is read from the environment: export FACEID_API_SECRET=...');
  const parts: string[] = [`curl -sS -X POST ${shellQuote(url)}`];
  const order = PARAMS.map((p) => p.name as string);
  const names = [...order.filter((n) => n in params), ...Object.keys(params).filter((n) => !order.includes(n))];
  for (const name of names) {
    if (name === 'api_secret') parts.push(`--form-string "api_secret=$FACEID_API_SECRET"`);
    else parts.push(`--form-string ${shellQuote(`${name}=${params[name] ?? ''}`)}`);
  }
  if (!names.includes('api_secret')) parts.push(`--form-string "api_secret=$FACEID_API_SECRET"`);
  for (const p of row.photos) {
    const type = photoMimeType((p.format ?? null) as PhotoFormat | null);
    const filename = /^[\w .-]+$/.test(p.filename) ? `;filename=${p.filename}` : '';
    parts.push(`-F ${shellQuote(`${p.param}=@${photoFileName(p)};type=${type}${filename}`)}`);
  }
  return `${lines.join('\n')}\n${parts.join(' \\\n  ')}\n`;
}
