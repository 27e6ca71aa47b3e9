/**
 * The desk's own UI state (zustand). The form's values, photos and the call live in the console's
 * one store (renderer/app/store.ts), shared with the Expert view; this holds only what the desk
 * adds: the comparison override, the question about a photo added with comparison off, and which
 * call the right-hand pane shows.
 *
 * Choices where the issue is open:
 * - Comparison follows the photo (a photo: comparison_type 0; none: -1) until the clerk sets it;
 *   a photo added while the clerk has comparison off is never sent uncompared silently: the desk
 *   asks (compare with it, or remove it) and issues nothing until answered.
 * - With comparison off, no photo is sent at all (biometric data the service would ignore).
 * - "New customer" clears every parameter the catalogue marks per-customer — profile defaults for
 *   them included (a default customer id is a developer's convenience, wrong at a desk).
 */
import { create } from 'zustand';
import { FILE_PARAMS, PER_CUSTOMER_PARAMS, type FileParamName } from '../../../core/faceid/catalogue';
import { useConsole } from '../../app/store';
import { suggestBizNo } from '../token-form/biz-no';

export interface DeskState {
  /** null: comparison follows the photos. */
  compareOverride: boolean | null;
  /** A photo arrived while the clerk had comparison off. */
  askPhoto: boolean;
  /** The call the pane shows when picked from "Today at this desk" (else the last issued). */
  shownId?: number;
  /** Bumped to move focus to the customer id field. */
  focusSeq: number;
  setCompare(on: boolean): void;
  attach(name: FileParamName, file: { name: string; bytes: Uint8Array; originalSha256?: string }): boolean;
  answerPhoto(compare: boolean): void;
  show(id: number | undefined): void;
  /** Clears the customer; `focus: false` leaves the focus where it is (a view opened by keyboard). */
  newCustomer(options?: { focus?: boolean }): void;
}

const hasPhoto = () => FILE_PARAMS.some((n) => useConsole.getState().photos[n] !== undefined);

/** Writes the comparison type the desk's state implies into the shared form. */
function syncComparison(override: boolean | null): void {
  const on = override ?? hasPhoto();
  useConsole.getState().setValue('comparison_type', on ? '0' : '-1');
}

export const useDesk = create<DeskState>((set, get) => ({
  compareOverride: null,
  askPhoto: false,
  focusSeq: 0,
  setCompare(on) {
    // Turning comparison off with a photo attached asks at once: compare after all, or remove the
    // photo — never a photo kept in the form that would then be left out without a word.
    set({ compareOverride: on, askPhoto: !on && hasPhoto() });
    syncComparison(on);
  },
  attach(name, file) {
    const attached = useConsole.getState().attachPhoto(name, file);
    if (!attached) return false;
    if (get().compareOverride === false) set({ askPhoto: true });
    syncComparison(get().compareOverride);
    return true;
  },
  answerPhoto(compare) {
    if (!compare) for (const n of FILE_PARAMS) useConsole.getState().removePhoto(n);
    set({ askPhoto: false, compareOverride: compare ? null : false });
    syncComparison(compare ? null : false);
  },
  show(id) {
    set({ shownId: id });
  },
  newCustomer(options) {
    const store = useConsole.getState();
    if (store.call.phase === 'sending') return;
    for (const n of FILE_PARAMS) store.removePhoto(n);
    const values = { ...store.values };
    for (const p of PER_CUSTOMER_PARAMS) delete values[p];
    values.biz_no = suggestBizNo();
    values.comparison_type = '-1';
    useConsole.setState({
      values,
      touched: {},
      submitted: false,
      photoErrors: {},
      call: { phase: 'idle' },
      editedSinceCall: {},
      bizNoNotice: undefined,
      cloneNotice: undefined,
    });
    set((s) => ({
      compareOverride: null,
      askPhoto: false,
      shownId: undefined,
      focusSeq: options?.focus === false ? s.focusSeq : s.focusSeq + 1,
    }));
  },
}));
