/**
 * Fills the token form from an imported call: its parameters with a fresh biz_no (the service
 * expects biz_no unique; the original is named in the notice), and the photos the paste carried.
 * Returns the photo params that could not be attached.
 */
import { FILE_PARAMS } from '../../../core/faceid/catalogue';
import { suggestBizNo } from '../../../core/faceid/biz-no';
import type { ImportedCall } from '../../../core/import';
import { useConsole } from '../../app/store';

export function fillFormFrom(call: ImportedCall, notice: (original: string) => string): string[] {
  const store = useConsole.getState();
  for (const name of FILE_PARAMS) store.removePhoto(name);
  const original = call.params.biz_no ?? '';
  useConsole.setState({
    values: { ...call.params, biz_no: suggestBizNo() },
    otherMode: {},
    touched: {},
    submitted: false,
    photoErrors: {},
    call: { phase: 'idle' },
    editedSinceCall: {},
    cloneNotice: undefined,
    clonedFrom: undefined,
    clonedFromTeam: undefined,
    bizNoNotice: original ? notice(original) : undefined,
  });
  const failed: string[] = [];
  for (const p of call.photos) if (!useConsole.getState().attachPhoto(p.param, { name: p.filename, bytes: p.bytes })) failed.push(p.param);
  return failed;
}
