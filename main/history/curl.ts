/**
 * "Copy as cURL": a shell command that reproduces a past get_token call's multipart request
 * exactly — every field in the order it was sent, each photo as its own part with its content
 * type — with the secret left to the environment ($FACEID_API_SECRET), never written out.
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

/** The local file name the command expects for a photo. */
export function photoFileName(p: HistoryPhoto): string {
  return `${p.param}.${EXTENSION[p.format ?? ''] ?? 'bin'}`;
}

/** The cURL command for a recorded call. */
export function curlCommand(row: Pick<HistoryRow, 'baseUrl' | 'params' | 'photos'>): string {
  const url = serviceUrl(row.baseUrl, GET_TOKEN_PATH);
  const lines: string[] = [];
  for (const p of row.photos) {
    lines.push(`# ${p.param}: ${p.filename} (${p.bytes} bytes, sha256 ${p.sha256}) — save it as ./${photoFileName(p)}`);
  }
  lines.push('# The secret is read from the environment: export FACEID_API_SECRET=...');
  const parts: string[] = [`curl -sS -X POST ${shellQuote(url)}`];
  const order = PARAMS.map((p) => p.name as string);
  const names = [...order.filter((n) => n in row.params), ...Object.keys(row.params).filter((n) => !order.includes(n))];
  for (const name of names) {
    if (name === 'api_secret') parts.push(`--form-string "api_secret=$FACEID_API_SECRET"`);
    else parts.push(`--form-string ${shellQuote(`${name}=${row.params[name] ?? ''}`)}`);
  }
  if (!names.includes('api_secret')) parts.push(`--form-string "api_secret=$FACEID_API_SECRET"`);
  for (const p of row.photos) {
    const type = photoMimeType((p.format ?? null) as PhotoFormat | null);
    const filename = /^[\w .-]+$/.test(p.filename) ? `;filename=${p.filename}` : '';
    parts.push(`-F ${shellQuote(`${p.param}=@${photoFileName(p)};type=${type}${filename}`)}`);
  }
  return `${lines.join('\n')}\n${parts.join(' \\\n  ')}\n`;
}
