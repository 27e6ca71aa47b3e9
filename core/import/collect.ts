/** Gathers name/value pairs into an imported call, dropping credentials with a note. */
import { FILE_PARAMS, type FileParamName } from '../faceid/catalogue';
import type { ImportedCall, ImportSource } from './types';

export const isFileParam = (name: string): name is FileParamName => (FILE_PARAMS as readonly string[]).includes(name);

/** An empty import of a source, filled by `addField` and `addPhoto`. */
export function emptyImport(source: ImportSource): ImportedCall {
  return { source, params: {}, photos: [], notes: [] };
}

/** One text field: credentials are dropped (a secret is never kept, not even in memory beyond here). */
export function addField(call: ImportedCall, name: string, value: string): void {
  if (name === 'api_secret') {
    if (!call.notes.some((n) => n.code === 'SECRET_DROPPED')) call.notes.push({ code: 'SECRET_DROPPED', param: name });
    return;
  }
  if (name === 'api_key') {
    if (!call.notes.some((n) => n.code === 'API_KEY_IGNORED')) call.notes.push({ code: 'API_KEY_IGNORED', param: name });
    return;
  }
  if (name in call.params) call.notes.push({ code: 'REPEATED_PARAM', param: name });
  call.params[name] = value;
}

/** One photo part: carried bytes are attached; a reference to a file is a note. */
export function addPhoto(call: ImportedCall, name: FileParamName, filename: string, bytes: Uint8Array | undefined): void {
  call.photos = call.photos.filter((p) => p.param !== name);
  if (bytes && bytes.length > 0) call.photos.push({ param: name, filename, bytes });
  else call.notes.push({ code: 'PHOTO_NOT_IN_PASTE', param: name, detail: filename });
}
