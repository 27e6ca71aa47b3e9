/**
 * Team settings in `<dataDir>/team.json` (0600), and the team password sealed beside them with the
 * vault's own cipher (the OS keychain under Electron, the key file in the browser shell), under
 * the same basic_text rule as the API secrets: where nothing protects it, it stays in memory for
 * the session unless the operator accepts the risk. The password is write-only: nothing returns
 * it but `password()`, which only the publisher's connection uses; `knownSecrets()` feeds the
 * redactor so it can never reach a log, the history or an export.
 */
import { z } from 'zod';
import { decidePersistence, type SecretCipher } from '../vault/cipher';
import { StoredSecretSchema } from '../vault/schema';
import { confFactory, type StoreFactory } from '../vault/store';
import { DEFAULT_TEAM_SETTINGS, TeamSettingsSchema, type TeamSettings } from './settings';

const FileSchema = z.object({ settings: TeamSettingsSchema, password: StoredSecretSchema.nullable() });

/** What the renderer may see of the team configuration. */
export interface TeamConfigSummary extends TeamSettings {
  hasPassword: boolean;
  passwordSessionOnly: boolean;
}

export class TeamConfigStore {
  private session: string | undefined;
  private decrypted: string | undefined;

  private constructor(
    private readonly conf: { store: Record<string, unknown> },
    private readonly cipher: SecretCipher,
  ) {}

  static open(dataDir: string, cipher: SecretCipher, factory: StoreFactory = confFactory): TeamConfigStore {
    return new TeamConfigStore(
      factory({ cwd: dataDir, configName: 'team', projectName: 'faceid-console', configFileMode: 0o600, clearInvalidConfig: false }),
      cipher,
    );
  }

  private read(): z.infer<typeof FileSchema> {
    const parsed = FileSchema.safeParse(this.conf.store);
    return parsed.success ? parsed.data : { settings: DEFAULT_TEAM_SETTINGS, password: null };
  }

  settings(): TeamSettings {
    return this.read().settings;
  }

  summary(): TeamConfigSummary {
    const f = this.read();
    return {
      ...f.settings,
      hasPassword: f.password !== null || this.session !== undefined,
      passwordSessionOnly: this.session !== undefined,
    };
  }

  /** Saves the settings (validated: throws a ZodError naming the field) and, if given, a new password. */
  async update(settings: TeamSettings, password?: string, acceptUnprotected = false): Promise<TeamConfigSummary> {
    const valid = TeamSettingsSchema.parse(settings);
    let sealed = this.read().password;
    if (password !== undefined) {
      this.session = undefined;
      this.decrypted = password;
      const decision = decidePersistence(await this.cipher.protection(), acceptUnprotected);
      if (decision === 'session-only') {
        this.session = password;
        sealed = null;
      } else {
        sealed = { cipher: this.cipher.id, data: await this.cipher.encrypt(password), unprotected: decision === 'persist-unprotected' };
      }
    }
    this.conf.store = { settings: valid, password: sealed };
    return this.summary();
  }

  /** The password, for the connection only. */
  async password(): Promise<string | undefined> {
    if (this.session !== undefined) return this.session;
    if (this.decrypted !== undefined) return this.decrypted;
    const sealed = this.read().password;
    if (!sealed || sealed.cipher !== this.cipher.id) return undefined;
    this.decrypted = await this.cipher.decrypt(sealed.data);
    return this.decrypted;
  }

  /** For the redactor. */
  knownSecrets(): string[] {
    return [this.session, this.decrypted].filter((s): s is string => s !== undefined);
  }
}
