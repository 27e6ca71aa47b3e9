/**
 * A raw multipart/form-data request as customers paste it from a proxy or server log: with or
 * without the HTTP request line and headers, CRLF or bare LF line ends (logs and chat windows
 * often lose the CR). Parsed on a byte-per-character string so photo bytes survive when the dump
 * is given as bytes (a saved file); a photo mangled by pasting as text is not attached.
 */
import { addField, addPhoto, emptyImport, isFileParam } from './collect';
import { ImportError, type ImportedCall } from './types';

const toBinary = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
};
const fromBinary = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const utf8 = (s: string): string => new TextDecoder().decode(fromBinary(s));

/** JPEG or PNG by its first bytes: anything else was mangled by the paste (or is no photo). */
const looksLikePhoto = (b: Uint8Array): boolean =>
  (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) || (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47);

function boundaryOf(text: string): string | undefined {
  const header = /content-type:\s*multipart\/form-data;[^\r\n]*boundary=("?)([^";\r\n]+)\1/i.exec(text);
  if (header?.[2]) return header[2];
  const line = /^--([^\r\n\s]{1,200})\r?$/m.exec(text);
  return line?.[1]?.replace(/--$/, '');
}

/** Whether a paste looks like a multipart dump. */
export function isMultipartDump(text: string): boolean {
  return /content-disposition:\s*form-data/i.test(text) && boundaryOf(text) !== undefined;
}

/** Reads a multipart dump (text as pasted, or the bytes of a saved dump). */
export function importMultipart(input: string | Uint8Array): ImportedCall {
  const raw = typeof input === 'string' ? toBinary(new TextEncoder().encode(input)) : toBinary(input);
  const boundary = boundaryOf(raw);
  if (!boundary) throw new ImportError('NO_BOUNDARY');
  const call = emptyImport('multipart');
  const segments = raw.split(`--${boundary}`).slice(1);
  for (const segment of segments) {
    if (segment.startsWith('--')) break;
    const body = segment.replace(/^\r?\n/, '');
    const split = /\r?\n\r?\n/.exec(body);
    if (!split) continue;
    const headers = body.slice(0, split.index);
    const value = body.slice(split.index + split[0].length).replace(/\r?\n$/, '');
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? /\bname=([^;\s]+)/i.exec(disposition)?.[1];
    if (!name) continue;
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const field = utf8(name);
    if (isFileParam(field)) {
      const bytes = fromBinary(value);
      addPhoto(call, field, utf8(filename ?? field), looksLikePhoto(bytes) ? bytes : undefined);
    } else addField(call, field, utf8(value));
  }
  return call;
}
