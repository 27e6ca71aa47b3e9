import { ok } from '../../core/result';
import { exportProfiles, parseProfileExport } from '../vault/transfer';
import { VaultError } from '../vault/vault';
import { msg } from '../../core/i18n/render';
import { checkConnection } from './connection';
import type { HandlerDeps, OpImpls } from './handlers';

type ProfileOpName =
  | 'listProfiles'
  | 'getVaultStatus'
  | 'createProfile'
  | 'updateProfile'
  | 'duplicateProfile'
  | 'deleteProfile'
  | 'setActiveProfile'
  | 'exportProfiles'
  | 'importProfiles'
  | 'testConnection';

/** Profiles and credentials: everything the renderer may do with the vault, secrets excluded. */
export function profileOps(deps: HandlerDeps): OpImpls<ProfileOpName> {
  const { vault } = deps;
  const now = deps.now ?? Date.now;
  return {
    listProfiles: async () => ok(await vault.list()),
    getVaultStatus: async () => ok({ activeProfileId: vault.activeProfileId(), protection: vault.protection(), path: vault.path }),
    createProfile: async ({ profile }) => ok(await vault.create(profile)),
    updateProfile: async ({ profileId, profile }) => ok(await vault.update(profileId, profile)),
    duplicateProfile: async ({ profileId }) => ok(await vault.duplicate(profileId)),
    deleteProfile: async ({ profileId }) => {
      vault.remove(profileId);
      return ok({ deleted: profileId });
    },
    setActiveProfile: async ({ profileId }) => {
      vault.setActive(profileId);
      return ok({ activeProfileId: profileId });
    },
    exportProfiles: async () => {
      const profiles = vault.exportable();
      return ok({ json: exportProfiles(profiles, new Date(now())), count: profiles.length });
    },
    importProfiles: async ({ json }) => {
      // A file that is not an export throws VaultError INVALID_IMPORT, with words saying what is wrong.
      const inputs = parseProfileExport(json);
      const imported = [];
      // The vault's naming rule decides what clashes; each created profile takes its name.
      for (const input of inputs)
        imported.push(await vault.create({ ...input, name: vault.freeName(input.name, (n) => (n === 1 ? '' : ` (${n})`)) }));
      return ok({ imported });
    },
    testConnection: async ({ profileId }) => {
      const profile = await vault.resolve(profileId);
      if (!profile) throw new VaultError('PROFILE_NOT_FOUND', msg('console', 'vault.profileNotFound', { id: profileId }), 'profileId');
      return ok(await checkConnection(profile, deps.timeoutMs));
    },
  };
}
