/**
 * What the history view prepares before a clone: the kept photos, staged on the trusted side,
 * and a biz_no that no recorded call has used.
 */
import type { HistoryRow } from '../../../core/history';
import { api } from '../../bridge';
import { stageKeptPhoto } from '../../app/store';
import { errorText } from '../../i18n/error-text';
import { i18n } from '../../i18n/i18n';
import { suggestBizNo } from '../token-form/biz-no';
import { missingPhoto, type ClonePhotos } from './clone';

/** Bytes of a base64 string. */
export function fromBase64(b64: string): Uint8Array {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The photos of a call: kept ones staged from their stored copies on the trusted side, the others listed to be attached again. */
export async function fetchClonePhotos(row: Pick<HistoryRow, 'photos'>): Promise<ClonePhotos> {
  const out: ClonePhotos = { attach: {}, missing: [] };
  for (const p of row.photos) {
    if (!p.kept) {
      out.missing.push(missingPhoto(p, i18n.t('history:clone.reason.notKept')));
      continue;
    }
    const r = await stageKeptPhoto(p.sha256, p.filename);
    if (r.ok) out.attach[p.param] = { sha256: p.sha256, staged: r.value };
    else out.missing.push(missingPhoto(p, errorText(r.error)));
  }
  return out;
}

/**
 * A suggested biz_no that no recorded call used. biz_no must be unique per call; the suggestion
 * is random already, the history check makes a clash with a past call impossible rather than unlikely.
 */
export async function freshBizNo(): Promise<string> {
  let candidate = suggestBizNo();
  for (let i = 0; i < 5; i++) {
    const r = await api.queryHistory({ filter: { text: candidate }, limit: 5 });
    if (!r.ok || !r.value.rows.some((row) => row.bizNo === candidate)) return candidate;
    candidate = suggestBizNo();
  }
  return candidate;
}
