/**
 * A call imported from what customers send (a cURL command, a raw multipart dump, a JSON object
 * from a log): form values and photos, plus notes as codes the renderer words. A secret in the
 * paste is dropped here, before anything is stored or shown, and a note says so.
 */
import type { FileParamName } from '../faceid/catalogue';

export type ImportSource = 'curl' | 'multipart' | 'json';

export type ImportNoteCode =
  /** api_secret was in the paste: dropped, never stored; the profile's secret is used. */
  | 'SECRET_DROPPED'
  /** api_key was in the paste: ignored, the profile's key is used. */
  | 'API_KEY_IGNORED'
  /** The paste names a photo file but does not carry its bytes: attach it by hand. */
  | 'PHOTO_NOT_IN_PASTE'
  /** A parameter given twice: the last value is kept, as a form-data server would read it. */
  | 'REPEATED_PARAM'
  /** The cURL command's URL: which service it called. */
  | 'URL';

export interface ImportNote {
  code: ImportNoteCode;
  param?: string;
  /** The file name, or the URL. */
  detail?: string;
}

export interface ImportedPhoto {
  param: FileParamName;
  filename: string;
  bytes: Uint8Array;
}

export interface ImportedCall {
  source: ImportSource;
  /** Every parameter but the credentials and the photos. */
  params: Record<string, string>;
  photos: ImportedPhoto[];
  notes: ImportNote[];
}

export type ImportErrorCode = 'EMPTY' | 'NOT_RECOGNISED' | 'BAD_JSON' | 'NOT_AN_OBJECT' | 'NO_BOUNDARY' | 'BAD_CURL';

/** A paste that cannot be read, with the reason as a code and a detail for the message. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly detail?: string,
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
  }
}
