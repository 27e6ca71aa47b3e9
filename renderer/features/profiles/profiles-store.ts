import type { ApiError } from '../../../core/result';
/**
 * Profile management's state and flows (zustand): the vault's status, what the dialog is doing,
 * connection checks, and every call to the trusted side — save, duplicate, delete, test, export,
 * import. The dialog renders this state and dispatches these actions; it calls no API itself.
 */
import { create } from 'zustand';
import type { ConnectionCheck, ProfileInput, VaultStatus } from '../../../core/api';
import { downloadText } from '../../app/download';
import { useConsole } from '../../app/store';
import { api } from '../../bridge';
import { errorText } from '../../i18n/error-text';

export type ProfilesMode = { kind: 'view' } | { kind: 'edit'; id: string } | { kind: 'new' } | { kind: 'delete'; id: string };

/** A message for the dialog, as a key of the `profiles` namespace and its parameters (rendered in the current language). */
export interface ProfilesMessage {
  kind: 'error' | 'ok';
  key: 'result.saved' | 'result.exported' | 'result.imported' | 'result.fieldError' | 'result.error';
  params: Record<string, string | number>;
}

interface ProfilesState {
  status?: VaultStatus;
  mode: ProfilesMode;
  message: ProfilesMessage | null;
  checks: Record<string, ConnectionCheck | 'running'>;
  busy: boolean;
  /** Resets the dialog's state and reads the vault's status (the dialog opens). */
  open(): Promise<void>;
  setMode(mode: ProfilesMode): void;
  /** Creates a profile (mode "new") or updates the one being edited; back to the list once saved. */
  save(input: ProfileInput): Promise<boolean>;
  duplicate(id: string): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  testConnection(id: string): Promise<void>;
  /** Exports every profile, without secrets, as a downloaded JSON file. */
  exportAll(): Promise<void>;
  importJson(json: string): Promise<boolean>;
}

const failure = (error: Pick<ApiError, 'field' | 'message' | 'words'>): ProfilesMessage =>
  error.field
    ? { kind: 'error', key: 'result.fieldError', params: { field: error.field, text: errorText(error) } }
    : { kind: 'error', key: 'result.error', params: { text: errorText(error) } };

export const useProfiles = create<ProfilesState>()((set, get) => {
  /** Runs one change to the vault: busy meanwhile, its failure shown, the console's profiles re-read after it. */
  async function change(work: () => Promise<ProfilesMessage | null>): Promise<boolean> {
    set({ busy: true });
    try {
      const err = await work();
      if (err) set({ message: err });
      await useConsole.getState().refreshProfiles();
      return err === null;
    } finally {
      set({ busy: false });
    }
  }

  return {
    mode: { kind: 'view' },
    message: null,
    checks: {},
    busy: false,

    async open() {
      set({ mode: { kind: 'view' }, message: null, checks: {}, busy: false });
      const r = await api.getVaultStatus({});
      if (r.ok) set({ status: r.value });
    },
    setMode(mode) {
      set({ mode });
    },
    save(input) {
      const mode = get().mode;
      return change(async () => {
        const r =
          mode.kind === 'edit'
            ? await api.updateProfile({ profileId: mode.id, profile: input })
            : await api.createProfile({ profile: input });
        if (!r.ok) return failure(r.error);
        set({ message: { kind: 'ok', key: 'result.saved', params: { name: r.value.name } }, mode: { kind: 'view' } });
        return null;
      });
    },
    duplicate(id) {
      return change(async () => {
        const r = await api.duplicateProfile({ profileId: id });
        return r.ok ? null : failure(r.error);
      });
    },
    remove(id) {
      return change(async () => {
        const r = await api.deleteProfile({ profileId: id });
        set({ mode: { kind: 'view' } });
        return r.ok ? null : failure(r.error);
      });
    },
    async testConnection(id) {
      set((s) => ({ checks: { ...s.checks, [id]: 'running' } }));
      const r = await api.testConnection({ profileId: id });
      const check: ConnectionCheck = r.ok ? r.value : { ok: false, verdict: 'unexpected', words: r.error.words ?? [], elapsedMs: 0 };
      set((s) => ({ checks: { ...s.checks, [id]: check } }));
    },
    async exportAll() {
      const r = await api.exportProfiles({});
      if (!r.ok) return set({ message: failure(r.error) });
      downloadText(r.value.json, 'faceid-console-profiles.json', 'application/json');
      set({ message: { kind: 'ok', key: 'result.exported', params: { count: r.value.count } } });
    },
    importJson(json) {
      return change(async () => {
        const r = await api.importProfiles({ json });
        if (!r.ok) return failure(r.error);
        set({ message: { kind: 'ok', key: 'result.imported', params: { count: r.value.imported.length } } });
        return null;
      });
    },
  };
});
