/**
 * UI state of the console (zustand). Persistent state lives on the trusted side; this holds what
 * the operator is editing and the last call. Validation comes from core, calls go through the
 * bridge; components only render and dispatch.
 */
import { create } from 'zustand';
import type { IssueTokenOutcome, PhotoRef, ProfileSummary, RotatedPhoto, StagedPhotoInfo, StagedPhotoWithPreview } from '../../core/api';
import { MAX_PHOTO_BYTES } from '../../core/limits';
import { FILE_PARAMS, paramSpec, type FileParamName } from '../../core/faceid/catalogue';
import { formatBytes, photoFacts, type PhotoFacts } from '../../core/faceid/photo';
import { hasErrors, validateTokenRequest, type PhotoSet } from '../../core/faceid/validate';
import type { HistoryRow } from '../../core/history';
import type { FieldIssue, Result } from '../../core/result';
import { api } from '../bridge';
import { planClone, type ClonePhotos, type CloneReport, type MissingPhoto } from '../features/history/clone';
import { useHistory } from '../features/history/history-store';
import { switchDefaults, type SwitchReport } from '../features/profiles/switch-defaults';
import { suggestBizNo } from '../features/token-form/biz-no';
import { i18n } from '../i18n/i18n';
import { announce } from './announcer';
import { initialView, rememberView, type View } from './view-tabs';
import { errorText } from '../i18n/error-text';

export interface AttachedPhoto {
  name: string;
  /**
   * The bytes, when the photo came from this page (dropped, pasted, captured, imported). A photo
   * the trusted side staged itself (downscaled, or a clone's kept copy) has none here: the
   * renderer shows its bounded preview, and the bytes never cross the bridge.
   */
  bytes?: Uint8Array;
  facts: PhotoFacts;
  /** blob: URL of the preview (the photo, or the trusted side's small JPEG; '' when none); revoked when the photo is replaced or removed. */
  url: string;
  /** The photo staged on the trusted side (sent there once, when attached); issue and resend use its handle. */
  staged: Promise<Result<StagedPhotoInfo>>;
  /** Stages the same photo again after the bounded staging area evicted it (from this page's bytes, or on the trusted side). */
  restage: () => Promise<Result<StagedPhotoInfo>>;
  /** SHA-256 of the scan or capture this photo was cropped or rotated from (sent with the call, kept in the history). */
  originalSha256?: string;
}

export type CallState =
  | { phase: 'idle' }
  | { phase: 'sending'; callId: string; startedAt: number }
  | { phase: 'done'; result: Result<IssueTokenOutcome>; sentParams: Record<string, string> };

export interface ConsoleState {
  profiles: ProfileSummary[];
  activeProfileId: string;
  loadError?: string;
  values: Record<string, string>;
  otherMode: Record<string, boolean>;
  touched: Record<string, boolean>;
  submitted: boolean;
  photos: Partial<Record<FileParamName, AttachedPhoto>>;
  photoErrors: Partial<Record<FileParamName, string>>;
  call: CallState;
  /** Asks the form to focus a field; `seq` changes on every request. */
  focusRequest?: { field: string; seq: number };
  /** A production call waiting for the operator's confirmation. */
  confirming: boolean;
  /** The advanced section is open (opened automatically to show a field in error). */
  advancedOpen: boolean;
  /** Fields changed since the last call: the service's blame on them is no longer shown. */
  editedSinceCall: Record<string, boolean>;
  /** Why biz_no was just replaced, if it was. */
  bizNoNotice?: string;
  /** What the last profile switch changed in the form. */
  switchNotice?: SwitchReport & { from: string; to: string };
  /** What the last "Clone into form" from the history did. */
  cloneNotice?: CloneReport;
  /** The history row the form was cloned from: every call sent from it records that trail. */
  clonedFrom?: number;
  /** ...or the team call (by its team id, another desk's) it was cloned from. */
  clonedFromTeam?: number;

  load(): Promise<void>;
  setValue(name: string, value: string): void;
  touch(name: string): void;
  setOtherMode(name: string, on: boolean): void;
  newBizNo(): void;
  attachPhoto(name: FileParamName, file: { name: string; bytes: Uint8Array; originalSha256?: string }): boolean;
  /**
   * Shows a photo the trusted side staged itself (a downscale, a clone's kept copy) by its
   * preview; `restage` stages it again there if the staging area evicts it. False when it is no image.
   */
  attachStaged(name: FileParamName, staged: StagedPhotoWithPreview, restage: Restage, originalSha256?: string): boolean;
  /** The photo downscaled on the trusted side within the service's limits (its bytes stay there); the refusal, if any. */
  downscalePhoto(name: FileParamName): Promise<Result<null>>;
  /** The photo turned clockwise on the trusted side (its bytes stay there), its original's SHA-256 kept; the refusal, if any. */
  rotatePhoto(name: FileParamName, degrees: 90 | 180 | 270): Promise<Result<null>>;
  removePhoto(name: FileParamName): void;
  requestIssue(): void;
  confirmIssue(confirmed: boolean): void;
  cancel(): Promise<void>;
  applyProfile(profile: ProfileSummary): void;
  /** Re-reads the profiles after the vault changed; the active one stays unless it is gone. */
  refreshProfiles(): Promise<void>;
  switchProfile(id: string): Promise<string | null>;
  dismissSwitchNotice(): void;
  setAdvancedOpen(open: boolean): void;
  /**
   * Fills the form with a recorded call's parameters (its profile when it still exists, a fresh
   * biz_no, the kept photos). Returns an error message, or null once done (see cloneNotice).
   */
  cloneFromHistory(row: HistoryRow, prepared: { photos: ClonePhotos; bizNo: string }): Promise<string | null>;
  dismissCloneNotice(): void;
  /** The view on screen (Desk, Support, Expert); remembered for the next start. */
  view: View;
  /** Shows a view: the tabs and every "go there" action (Use in form, a callback's history row) use it. */
  setView(view: View): void;
}

/** Photo facts for validation. */
export const photoSet = (photos: ConsoleState['photos']): PhotoSet =>
  Object.fromEntries(Object.entries(photos).map(([k, p]) => [k, p?.facts])) as PhotoSet;

/** The current validation issues of the form. */
export const currentIssues = (s: Pick<ConsoleState, 'values' | 'photos'>): FieldIssue[] =>
  validateTokenRequest(Object.fromEntries(Object.entries(s.values).filter(([, v]) => v !== '')), photoSet(s.photos));

const INITIAL_VALUES = { comparison_type: '-1' };

const isAdvanced = (field: string) => paramSpec(field)?.group === 'advanced';

/** Handles this page staged and has not dropped: dropped when the page goes away (pagehide). */
const liveHandles = new Set<string>();

/** Sends a photo to the trusted side, once; remembers its handle so leaving the page drops it. */
function stagePhoto(name: string, bytes: Uint8Array): Promise<Result<StagedPhotoInfo>> {
  const staged = api.stagePhoto({ name, bytes });
  void staged.then((r) => {
    if (r.ok) liveHandles.add(r.value.handle);
  });
  return staged;
}

/** Remembers a handle the trusted side staged on its own (a downscale, a clone's kept photo). */
export function trackStaged<T extends StagedPhotoWithPreview>(r: Result<T>): Result<T> {
  if (r.ok) liveHandles.add(r.value.photo.handle);
  return r;
}

/** A kept photo of the history, staged from its stored copy on the trusted side. */
export async function stageKeptPhoto(sha256: string, name: string): Promise<Result<StagedPhotoWithPreview>> {
  return trackStaged(await api.stageKeptPhoto({ sha256, name }));
}

/** A staged photo downscaled on the trusted side: a new handle, its facts and a preview. */
export async function downscaleStaged(handle: string): Promise<Result<StagedPhotoWithPreview>> {
  return trackStaged(await api.downscaleStagedPhoto({ handle }));
}

/** A staged photo turned on the trusted side: a new handle, its facts, a preview and the original's SHA-256. */
async function rotateStaged(handle: string, degrees: 90 | 180 | 270, originalSha256?: string): Promise<Result<RotatedPhoto>> {
  return trackStaged(await api.rotatePhoto({ photo: { handle, ...(originalSha256 ? { originalSha256 } : {}) }, degrees }));
}

const infoOnly = (r: Result<StagedPhotoWithPreview>): Result<StagedPhotoInfo> => (r.ok ? { ok: true, value: r.value.photo } : r);

/** A blob: URL for the trusted side's base64 JPEG preview ('' when there is none). */
function previewUrl(dataBase64: string): string {
  if (!dataBase64) return '';
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'image/jpeg' }));
}

/** How a photo staged on the trusted side is staged again, should the staging area evict it. */
export type Restage = () => Promise<Result<StagedPhotoWithPreview>>;

function dropHandle(handle: string): void {
  liveHandles.delete(handle);
  void api.dropPhoto({ handle });
}

// A closed tab or window never removes its photos: they are biometric data, so drop them as the
// page goes (the bridge sends these with keepalive, which outlives the page).
if (typeof window !== 'undefined') window.addEventListener('pagehide', () => [...liveHandles].forEach(dropHandle));

export const useConsole = create<ConsoleState>((set, get) => {
  /** Forgets a photo on the trusted side once the form no longer shows it. */
  function dropStaged(photo: AttachedPhoto | undefined): void {
    void photo?.staged.then((r) => {
      if (r.ok) dropHandle(r.value.handle);
    });
  }

  /**
   * A photo of the form remade on the trusted side from its staged source (fitted, turned), its
   * bytes staying there: the source staged again when the bounded area evicted it, the copy
   * dropped when the operator replaced the photo meanwhile, and made again from its source when
   * the copy is evicted later. `trail` is the SHA-256 the call will name as the copy's original.
   */
  async function remake<T extends StagedPhotoWithPreview>(
    name: FileParamName,
    make: (handle: string, source: AttachedPhoto) => Promise<Result<T>>,
    trail: (made: T, source: AttachedPhoto) => string | undefined,
  ): Promise<Result<null>> {
    const source = get().photos[name];
    if (!source) return { ok: true, value: null };
    const from = async (again: boolean): Promise<Result<T>> => {
      const s = await (again ? source.restage() : source.staged);
      if (!s.ok) return s;
      const made = await make(s.value.handle, source);
      // A source staged again only for this copy is not the form's: forget it at once.
      if (again) dropHandle(s.value.handle);
      return made;
    };
    let r = await from(false);
    if (!r.ok && r.error.code === 'PHOTO_NOT_STAGED') r = await from(true);
    if (!r.ok) return r;
    if (get().photos[name] !== source) {
      dropHandle(r.value.photo.handle);
      return { ok: true, value: null };
    }
    get().attachStaged(name, r.value, () => from(true), trail(r.value, source));
    return { ok: true, value: null };
  }

  /**
   * The handles of the form's photos. With `again`, the photos are staged anew from the bytes the
   * form shows (the staging area evicted them: it is bounded), so what is sent is what is on screen.
   */
  async function photoRefs(again: boolean): Promise<Result<Partial<Record<FileParamName, PhotoRef>>>> {
    const refs: Partial<Record<FileParamName, PhotoRef>> = {};
    for (const name of FILE_PARAMS) {
      let photo = get().photos[name];
      if (!photo) continue;
      if (again) {
        const restaged: AttachedPhoto = { ...photo, staged: photo.restage() };
        set((st) => ({ photos: { ...st.photos, [name]: restaged } }));
        photo = restaged;
      }
      const r = await photo.staged;
      if (!r.ok) return { ok: false, error: { ...r.error, field: r.error.field ?? name } };
      refs[name] = { handle: r.value.handle, ...(photo.originalSha256 ? { originalSha256: photo.originalSha256 } : {}) };
    }
    return { ok: true, value: refs };
  }

  async function send(): Promise<void> {
    const s = get();
    const callId = crypto.randomUUID();
    const params = Object.fromEntries(Object.entries(s.values).filter(([, v]) => v !== ''));
    set({ call: { phase: 'sending', callId, startedAt: Date.now() }, editedSinceCall: {}, bizNoNotice: undefined });
    const issue = async (again: boolean): Promise<Result<IssueTokenOutcome>> => {
      const photos = await photoRefs(again);
      return photos.ok
        ? api.issueToken({
            callId,
            profileId: s.activeProfileId,
            params,
            photos: photos.value,
            ...(s.clonedFromTeam !== undefined
              ? { clonedFromTeam: s.clonedFromTeam }
              : s.clonedFrom !== undefined
                ? { clonedFrom: s.clonedFrom }
                : {}),
          })
        : photos;
    };
    let result = await issue(false);
    // Nothing was sent when a handle is refused: staging again and retrying once is safe.
    if (!result.ok && result.error.code === 'PHOTO_NOT_STAGED') result = await issue(true);
    set({ call: { phase: 'done', result, sentParams: params } });
    // A clone is sent to be compared with its original: the history must show the new call,
    // whatever search found the original.
    const historyId = result.ok ? result.value.historyId : undefined;
    if ((s.clonedFrom !== undefined || s.clonedFromTeam !== undefined) && historyId !== undefined)
      useHistory.getState().showCall(historyId);
    const outcome = result.ok ? result.value.outcome : undefined;
    if (outcome === 'issued' || outcome === 'unknown') {
      // biz_no must be unique: never leave a used (or possibly used) one in the form.
      set((st) => ({
        values: { ...st.values, biz_no: suggestBizNo() },
        bizNoNotice: i18n.t(outcome === 'issued' ? 'app:store.bizNoUsed' : 'app:store.bizNoPossiblyUsed', { bizNo: params.biz_no ?? '' }),
      }));
      announce(i18n.t(outcome === 'issued' ? 'app:announce.issued' : 'app:announce.unknown', { bizNo: params.biz_no ?? '' }));
    }
    const field = result.ok ? (result.value.outcome === 'issued' ? undefined : result.value.error.field) : result.error.field;
    if (field) set({ focusRequest: { field, seq: Date.now() }, advancedOpen: get().advancedOpen || isAdvanced(field) });
  }

  return {
    profiles: [],
    activeProfileId: 'sandbox',
    values: { ...INITIAL_VALUES, biz_no: suggestBizNo() },
    otherMode: {},
    touched: {},
    submitted: false,
    photos: {},
    photoErrors: {},
    call: { phase: 'idle' },
    confirming: false,
    advancedOpen: false,
    editedSinceCall: {},

    async load() {
      const [profiles, status] = await Promise.all([api.listProfiles({}), api.getVaultStatus({})]);
      if (!profiles.ok) return set({ loadError: errorText(profiles.error) });
      const activeId = status.ok ? status.value.activeProfileId : 'sandbox';
      const active = profiles.value.find((p) => p.id === activeId) ?? profiles.value[0];
      set({ profiles: profiles.value, loadError: undefined });
      if (active) get().applyProfile(active);
    },

    applyProfile(profile) {
      // What the operator typed before the profiles arrived stays (a clerk who starts typing the
      // customer's id at once); the profile's defaults fill the rest.
      set((s) => {
        const typed = Object.fromEntries(Object.entries(s.values).filter(([name]) => s.editedSinceCall[name]));
        return { activeProfileId: profile.id, values: { ...s.values, ...profile.defaults, ...typed } };
      });
    },

    async refreshProfiles() {
      const r = await api.listProfiles({});
      if (!r.ok) return set({ loadError: errorText(r.error) });
      const s = get();
      const stillThere = r.value.some((p) => p.id === s.activeProfileId);
      set({ profiles: r.value, loadError: undefined });
      if (!stillThere) await get().switchProfile('sandbox');
    },

    async switchProfile(id) {
      const s = get();
      const from = s.profiles.find((p) => p.id === s.activeProfileId);
      const to = s.profiles.find((p) => p.id === id);
      if (!to) return i18n.t('app:store.noProfile', { id });
      const r = await api.setActiveProfile({ profileId: id });
      if (!r.ok) return errorText(r.error);
      // Read the form after the await: the operator may have typed while the switch was in flight.
      const report = switchDefaults(get().values, from?.defaults ?? {}, to.defaults);
      const changed = report.applied.length + report.cleared.length + report.kept.length > 0;
      set({
        activeProfileId: id,
        values: report.values,
        switchNotice: changed ? { ...report, from: from?.name ?? '', to: to.name } : undefined,
        call: { phase: 'idle' },
      });
      return null;
    },

    dismissSwitchNotice() {
      set({ switchNotice: undefined });
    },

    setValue(name, value) {
      set((s) => ({
        values: { ...s.values, [name]: value },
        editedSinceCall: { ...s.editedSinceCall, [name]: true },
        bizNoNotice: name === 'biz_no' ? undefined : s.bizNoNotice,
      }));
    },
    setAdvancedOpen(open) {
      set({ advancedOpen: open });
    },
    touch(name) {
      set((s) => (s.touched[name] ? s : { touched: { ...s.touched, [name]: true } }));
    },
    setOtherMode(name, on) {
      set((s) => ({ otherMode: { ...s.otherMode, [name]: on }, values: { ...s.values, [name]: on ? (s.values[name] ?? '') : '' } }));
    },
    newBizNo() {
      set((s) => ({ values: { ...s.values, biz_no: suggestBizNo() }, bizNoNotice: undefined }));
    },

    attachPhoto(name, file) {
      if (file.bytes.length > MAX_PHOTO_BYTES) {
        set((s) => ({
          photoErrors: {
            ...s.photoErrors,
            [name]: i18n.t('app:store.photoTooBig', {
              name: file.name,
              size: formatBytes(file.bytes.length),
              max: formatBytes(MAX_PHOTO_BYTES),
            }),
          },
        }));
        return false;
      }
      const facts = photoFacts(file.bytes);
      if (facts.format === null) {
        set((s) => ({ photoErrors: { ...s.photoErrors, [name]: i18n.t('app:store.notAnImage', { name: file.name }) } }));
        return false;
      }
      const old = get().photos[name];
      if (old) URL.revokeObjectURL(old.url);
      dropStaged(old);
      const url = URL.createObjectURL(new Blob([file.bytes.slice().buffer], { type: 'image/*' }));
      // Staged at once, while the operator fills in the rest of the form.
      const staged = stagePhoto(file.name, file.bytes);
      const restage = () => stagePhoto(file.name, file.bytes);
      set((s) => ({
        photos: {
          ...s.photos,
          [name]: { name: file.name, bytes: file.bytes, facts, url, staged, restage, originalSha256: file.originalSha256 },
        },
        photoErrors: { ...s.photoErrors, [name]: undefined },
        touched: { ...s.touched, [name]: true },
        editedSinceCall: { ...s.editedSinceCall, [name]: true },
      }));
      return true;
    },
    attachStaged(name, staged, restage, originalSha256) {
      const { photo: info, preview } = staged;
      if (info.facts.format === null) {
        dropHandle(info.handle);
        set((s) => ({ photoErrors: { ...s.photoErrors, [name]: i18n.t('app:store.notAnImage', { name: info.name }) } }));
        return false;
      }
      const old = get().photos[name];
      if (old) URL.revokeObjectURL(old.url);
      dropStaged(old);
      const photo: AttachedPhoto = {
        name: info.name,
        facts: info.facts,
        url: previewUrl(preview.dataBase64),
        staged: Promise.resolve({ ok: true, value: info }),
        restage: async () => infoOnly(await restage()),
        ...(originalSha256 ? { originalSha256 } : {}),
      };
      set((s) => ({
        photos: { ...s.photos, [name]: photo },
        photoErrors: { ...s.photoErrors, [name]: undefined },
        touched: { ...s.touched, [name]: true },
        editedSinceCall: { ...s.editedSinceCall, [name]: true },
      }));
      return true;
    },

    downscalePhoto: (name) =>
      remake(
        name,
        (handle) => downscaleStaged(handle),
        (_fitted, source) => source.originalSha256,
      ),

    rotatePhoto: (name, degrees) =>
      remake(
        name,
        (handle, source) => rotateStaged(handle, degrees, source.originalSha256),
        (turned) => turned.originalSha256,
      ),

    removePhoto(name) {
      const old = get().photos[name];
      if (old) URL.revokeObjectURL(old.url);
      dropStaged(old);
      set((s) => ({
        photos: { ...s.photos, [name]: undefined },
        photoErrors: { ...s.photoErrors, [name]: undefined },
        editedSinceCall: { ...s.editedSinceCall, [name]: true },
      }));
    },

    requestIssue() {
      const s = get();
      if (s.call.phase === 'sending') return;
      const issues = currentIssues(s);
      if (hasErrors(issues)) {
        const first = issues.find((i) => i.severity === 'error');
        set({
          submitted: true,
          focusRequest: first ? { field: first.field, seq: Date.now() } : undefined,
          advancedOpen: s.advancedOpen || (first !== undefined && isAdvanced(first.field)),
        });
        return;
      }
      set({ submitted: true });
      const profile = s.profiles.find((p) => p.id === s.activeProfileId);
      if (profile?.environment === 'production' && profile.confirmProduction) return set({ confirming: true });
      void send();
    },
    confirmIssue(confirmed) {
      set({ confirming: false });
      if (confirmed) void send();
    },
    async cancel() {
      const c = get().call;
      if (c.phase === 'sending') await api.cancelCall({ callId: c.callId });
    },

    async cloneFromHistory(row, prepared) {
      if (get().call.phase === 'sending') {
        // The kept photos were staged for this clone: forget them, it does not happen.
        for (const kept of Object.values(prepared.photos.attach)) if (kept) dropHandle(kept.staged.photo.handle);
        return i18n.t('app:store.cloneWhileSending');
      }
      const plan = planClone(row, get().profiles, get().activeProfileId);
      let profile = plan.profile;
      if (profile.kind === 'switch') {
        const err = await get().switchProfile(profile.id);
        const activeName = get().profiles.find((p) => p.id === get().activeProfileId)?.name ?? get().activeProfileId;
        if (err) profile = { kind: 'switch-failed', name: profile.name, activeName, message: err };
      }
      for (const name of FILE_PARAMS) get().removePhoto(name);
      set({
        values: { ...plan.values, biz_no: prepared.bizNo },
        otherMode: {},
        touched: {},
        submitted: false,
        photoErrors: {},
        call: { phase: 'idle' },
        // The clone replaces every value, so what a profile switch changed no longer applies.
        switchNotice: undefined,
        bizNoNotice: row.bizNo ? i18n.t('app:store.cloneBizNo', { bizNo: row.bizNo }) : i18n.t('app:store.cloneNoBizNo'),
      });
      const reattached: CloneReport['reattached'] = [];
      const missing: MissingPhoto[] = [...prepared.photos.missing];
      for (const name of FILE_PARAMS) {
        const kept = prepared.photos.attach[name];
        if (!kept) continue;
        const info = kept.staged.photo;
        // Staged again from the same kept copy, on the trusted side, should the staging area evict it.
        const restage = () => stageKeptPhoto(kept.sha256, info.name);
        if (get().attachStaged(name, kept.staged, restage)) reattached.push({ param: name, filename: info.name });
        else {
          missing.push({
            param: name,
            filename: info.name,
            bytes: info.facts.bytes,
            sha256: kept.sha256,
            reason: get().photoErrors[name] ?? i18n.t('app:store.notAttached'),
          });
        }
      }
      set((s) => ({
        editedSinceCall: {},
        advancedOpen: s.advancedOpen || Object.keys(plan.values).some(isAdvanced),
        // A team row's id is the team store's: the trail then names the team call and its desk.
        ...(row.desk !== undefined ? { clonedFrom: undefined, clonedFromTeam: row.id } : { clonedFrom: row.id, clonedFromTeam: undefined }),
        cloneNotice: {
          rowId: row.id,
          startedAt: row.startedAt,
          fromBizNo: row.bizNo,
          newBizNo: prepared.bizNo,
          profile,
          reattached,
          missing,
          hidden: plan.hidden,
        },
      }));
      return null;
    },
    dismissCloneNotice() {
      set({ cloneNotice: undefined });
    },
    view: initialView(),
    setView(view) {
      set({ view });
      rememberView(view);
    },
  };
});
