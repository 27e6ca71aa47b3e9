/** Import of a pasted call: recognises a cURL command, a raw multipart dump or a JSON object. */
import { importCurl, isCurl } from './curl';
import { addField, addPhoto, emptyImport, isFileParam } from './collect';
import { importMultipart, isMultipartDump } from './multipart';
import { ImportError, type ImportedCall } from './types';

export { ImportError } from './types';
export type { ImportedCall, ImportNote, ImportNoteCode, ImportErrorCode } from './types';

/**
 * A JSON object of parameters from a log: flat, or with them under `params` (our own history
 * export) or `form`; numbers and booleans become their text. A base64 photo is not guessed at:
 * photo keys are noted for attaching by hand.
 */
export function importJson(text: string): ImportedCall {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ImportError('BAD_JSON', e instanceof Error ? e.message : String(e));
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ImportError('NOT_AN_OBJECT');
  const obj = value as Record<string, unknown>;
  const inner = ['params', 'form'].map((k) => obj[k]).find((v) => v && typeof v === 'object' && !Array.isArray(v)) as
    Record<string, unknown> | undefined;
  const call = emptyImport('json');
  for (const [k, v] of Object.entries(inner ?? obj)) {
    if (isFileParam(k)) addPhoto(call, k, typeof v === 'string' && v.length < 256 ? v : k, undefined);
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') addField(call, k, String(v));
  }
  return call;
}

/** Reads whatever was pasted; throws ImportError with a code when it is none of the three. */
export function importCall(text: string): ImportedCall {
  const trimmed = text.trim();
  if (trimmed === '') throw new ImportError('EMPTY');
  // Comment lines before a command (our own Copy as cURL starts with some) are not part of it.
  const uncommented = trimmed.replace(/^(\s*#[^\n]*\n)+/, '').trim();
  if (isCurl(uncommented)) return importCurl(uncommented);
  if (trimmed.startsWith('{')) return importJson(trimmed);
  if (isMultipartDump(text)) return importMultipart(text);
  throw new ImportError('NOT_RECOGNISED');
}

export { importCurl, importMultipart, addField, addPhoto, emptyImport };
