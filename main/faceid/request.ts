/**
 * The get_token request as data: the endpoint, the multipart parts in catalogue order, and a
 * redacted description of it for the history and copy-as-cURL (never the secret).
 */
import { createHash } from 'node:crypto';
import FormData from 'form-data';
import { FILE_PARAMS, PARAMS, type FileParamName } from '../../core/faceid/catalogue';
import { REDACTED, redactText } from '../vault/redact';
import { faceidText } from '../../core/faceid/messages';
import { msg, type MessageRef } from '../../core/i18n/render';

export const GET_TOKEN_PATH = '/faceid/lite/get_token';

export interface PhotoPart {
  bytes: Uint8Array;
  filename: string;
  /** Content type of the multipart part, e.g. image/jpeg. */
  contentType: string;
  /** Hex SHA-256 of the bytes when already known (staged photos), so they are not hashed again. */
  sha256?: string;
}

/** What a get_token request is made of. */
export interface GetTokenRequestParts {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  /** Text parameters; empty values are not sent; credentials and file names here are ignored. */
  params: Record<string, string>;
  photos: Partial<Record<FileParamName, PhotoPart>>;
}

/** A base URL the client cannot call, with what is wrong by reference (the Error's message is its English rendering). */
export class BaseUrlError extends Error {
  constructor(readonly words: MessageRef) {
    super(faceidText(words));
  }
}

/**
 * The URL of `path` under a base URL: http(s) only, trailing slashes tolerated, a base path kept
 * (a gateway may mount the API under a prefix). Throws a BaseUrlError saying what is wrong.
 */
export function endpointUrl(baseUrl: string, path: string): URL {
  let base: URL;
  try {
    base = new URL(baseUrl.trim());
  } catch {
    throw new BaseUrlError(msg('console', 'baseUrl.notAbsolute', { url: baseUrl }));
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:')
    throw new BaseUrlError(msg('console', 'baseUrl.httpScheme', { scheme: base.protocol.replace(':', '') }));
  if (base.search || base.hash) throw new BaseUrlError(msg('console', 'baseUrl.queryOrFragment'));
  base.pathname = base.pathname.replace(/\/+$/, '') + path;
  return base;
}

const CREDENTIALS = new Set(['api_key', 'api_secret']);
const FILES = new Set<string>(FILE_PARAMS);

/**
 * The text fields as sent: api_key, api_secret, then the parameters in catalogue order, then any
 * name the catalogue does not know (in the caller's order). Empty values are left out.
 */
export function orderedFields(parts: Pick<GetTokenRequestParts, 'apiKey' | 'apiSecret' | 'params'>): [string, string][] {
  const catalogued = PARAMS.map((p) => p.name as string);
  const known = new Set(catalogued);
  const names = [...catalogued.filter((n) => Object.hasOwn(parts.params, n)), ...Object.keys(parts.params).filter((n) => !known.has(n))];
  const rest = names
    .filter((n) => !CREDENTIALS.has(n) && !FILES.has(n))
    .map((n): [string, string] => [n, parts.params[n] ?? ''])
    .filter(([, v]) => v !== '');
  return [['api_key', parts.apiKey], ['api_secret', parts.apiSecret], ...rest];
}

/** The photos as sent, image_ref1 before image_ref2. */
export function orderedPhotos(parts: Pick<GetTokenRequestParts, 'photos'>): [FileParamName, PhotoPart][] {
  return FILE_PARAMS.flatMap((name) => {
    const photo = parts.photos[name];
    return photo ? [[name, photo] as [FileParamName, PhotoPart]] : [];
  });
}

/** The multipart body: text parts, then file parts with their file name and content type. */
export function buildForm(parts: Pick<GetTokenRequestParts, 'apiKey' | 'apiSecret' | 'params' | 'photos'>): FormData {
  const form = new FormData();
  for (const [name, value] of orderedFields(parts)) form.append(name, value);
  for (const [name, photo] of orderedPhotos(parts)) {
    form.append(name, Buffer.from(photo.bytes.buffer, photo.bytes.byteOffset, photo.bytes.byteLength), {
      filename: photo.filename,
      contentType: photo.contentType,
      knownLength: photo.bytes.byteLength,
    });
  }
  return form;
}

/** A get_token request as it may be shown, stored or copied: the secret is never in it. */
export interface RequestDescription {
  method: 'POST';
  url: string;
  contentType: 'multipart/form-data';
  fields: { name: string; value: string }[];
  files: { name: FileParamName; filename: string; contentType: string; size: number; sha256: string }[];
}

/**
 * Describes a get_token request without its secret: api_secret is "[redacted]", and the secret's
 * value is also scrubbed from every other field in case it was pasted into one. Photos appear as
 * name, size, SHA-256 and content type only (they are biometric data).
 */
export function describeGetTokenRequest(parts: GetTokenRequestParts): RequestDescription {
  let url: string;
  try {
    url = endpointUrl(parts.baseUrl, GET_TOKEN_PATH).toString();
  } catch {
    url = `${parts.baseUrl}${GET_TOKEN_PATH}`;
  }
  const secrets = [parts.apiSecret];
  return {
    method: 'POST',
    url: redactText(url, secrets),
    contentType: 'multipart/form-data',
    fields: orderedFields(parts).map(([name, value]) => ({ name, value: name === 'api_secret' ? REDACTED : redactText(value, secrets) })),
    files: orderedPhotos(parts).map(([name, p]) => ({
      name,
      filename: redactText(p.filename, secrets),
      contentType: p.contentType,
      size: p.bytes.byteLength,
      sha256: p.sha256 ?? createHash('sha256').update(p.bytes).digest('hex'),
    })),
  };
}
