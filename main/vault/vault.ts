/**
 * Profiles and their credentials. The secret is encrypted before it touches the store, is
 * write-only (a new value replaces the old; it is never read back to the renderer), and where
 * nothing protects it at rest it stays in memory for the session unless the operator accepts
 * the risk. The built-in sandbox profile always exists and cannot be deleted.
 */
import { randomUUID } from 'node:crypto';
import { ProfileInputSchema, type ProfileInput, type ProfileSummary, type SecretStorage } from '../../core/api';
import { CLIENT_TIMEOUT_DEFAULT_MS } from '../../core/client-timeout';
import { DEFAULT_DESK_SETTINGS } from '../../core/desk';
import { checkBaseUrl, regionBaseUrl } from '../../core/faceid/regions';
import { faceidParagraph } from '../../core/faceid/messages';
import { msg, type MessageRef } from '../../core/i18n/render';
import { decidePersistence, type Protection, type SecretCipher } from './cipher';
import type { Profile, ProfileSource } from './profiles';
import { SANDBOX_PROFILE_ID, sandboxProfile } from './profiles';
import type { StoredProfile, StoreData } from './schema';
import { loadStore, openDocument, saveStore, type DocumentFile, type StoreFactory } from './store';

/** The contract's limit on a profile name, which a derived name (a copy, an import) must fit too. */
const NAME_MAX = ProfileInputSchema.shape.name.maxLength ?? 60;
const BUILT_IN_NAME = 'Sandbox (built-in)';

/**
 * The one naming rule: two names are the same when they are equal after trimming, Unicode NFC
 * normalisation and lower-casing — "Prod", " prod " and "PROD" are one name — so an operator can
 * never tell two profiles apart only by case or invisible differences when picking one.
 */
export function sameProfileName(a: string, b: string): boolean {
  const key = (n: string) => n.trim().normalize('NFC').toLowerCase();
  return key(a) === key(b);
}

/** `base` cut so that `base + tail` fits the name limit, never splitting a surrogate pair. */
function fitName(base: string, tail: string): string {
  let cut = base.trim().slice(0, Math.max(0, NAME_MAX - tail.length));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd() + tail;
}

export interface VaultOptions {
  dataDir: string;
  cipher: SecretCipher;
  /** The embedded sandbox the built-in profile points at. */
  sandbox: { baseUrl: string; apiKey: string; apiSecret: string };
  storeFactory?: StoreFactory;
  now?: () => number;
}

/**
 * A refusal the operator can act on: a code, which field, and what is wrong by reference (the
 * handlers pass `words` on; the Error's own message is the English rendering, for logs and stacks).
 */
export class VaultError extends Error {
  readonly words: MessageRef[];
  constructor(
    readonly code: string,
    words: MessageRef | MessageRef[],
    readonly field?: string,
  ) {
    const refs = Array.isArray(words) ? words : [words];
    super(faceidParagraph(refs));
    this.words = refs;
  }
}

export class Vault implements ProfileSource {
  private data: StoreData;
  private readonly sessionSecrets = new Map<string, string>();
  private readonly decrypted = new Map<string, string>();

  private constructor(
    private readonly file: DocumentFile,
    private readonly options: VaultOptions,
    private readonly protectionInfo: Protection,
  ) {
    this.data = loadStore(file);
  }

  /** Opens (creating on first launch) the vault in the data folder. */
  static async open(options: VaultOptions): Promise<Vault> {
    const file = openDocument(options.dataDir, options.storeFactory);
    return new Vault(file, options, await options.cipher.protection());
  }

  get path(): string {
    return this.file.path;
  }

  protection(): Protection {
    return this.protectionInfo;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private save(next: StoreData): void {
    saveStore(this.file, next);
    this.data = next;
  }

  private stored(id: string): StoredProfile {
    const p = this.data.profiles.find((x) => x.id === id);
    if (!p) throw new VaultError('PROFILE_NOT_FOUND', msg('console', 'vault.profileNotFound', { id }), 'profileId');
    return p;
  }

  private secretStorage(p: StoredProfile): SecretStorage {
    if (this.sessionSecrets.has(p.id)) return 'session-only';
    if (!p.secret) return 'none';
    return p.secret.unprotected ? 'unprotected' : 'encrypted';
  }

  private summary(p: StoredProfile): ProfileSummary {
    return {
      id: p.id,
      name: p.name,
      color: p.color,
      environment: p.environment,
      region: p.region,
      baseUrl: p.region === 'custom' ? p.baseUrl : regionBaseUrl(p.region),
      keyHint: p.apiKey.length > 4 ? `…${p.apiKey.slice(-4)}` : p.apiKey === '' ? '' : '…',
      hasSecret: this.secretStorage(p) !== 'none',
      secretStorage: this.secretStorage(p),
      confirmProduction: p.confirmProduction,
      builtIn: false,
      defaults: { ...p.defaults },
      desk: { ...DEFAULT_DESK_SETTINGS, ...p.desk },
      timeoutMs: p.timeoutMs ?? CLIENT_TIMEOUT_DEFAULT_MS,
    };
  }

  private sandboxSummary(): ProfileSummary {
    const s = this.options.sandbox;
    const base = sandboxProfile(s.baseUrl, s.apiKey, s.apiSecret);
    return {
      id: SANDBOX_PROFILE_ID,
      name: base.name,
      color: this.data.sandbox.color,
      environment: 'sandbox',
      region: 'custom',
      baseUrl: s.baseUrl,
      keyHint: `…${s.apiKey.slice(-4)}`,
      hasSecret: true,
      secretStorage: 'built-in',
      confirmProduction: false,
      builtIn: true,
      defaults: { ...base.defaults, ...this.data.sandbox.defaults },
      desk: { ...DEFAULT_DESK_SETTINGS, ...this.data.sandbox.desk },
      timeoutMs: this.data.sandbox.timeoutMs ?? CLIENT_TIMEOUT_DEFAULT_MS,
    };
  }

  /** Whether the built-in profile's embedded sandbox runs lenient (strict unless the operator chose otherwise). */
  sandboxLenient(): boolean {
    return this.data.sandbox.lenient === true;
  }

  /** Keeps the embedded sandbox's mode with the built-in profile, so it survives a restart. */
  setSandboxLenient(lenient: boolean): void {
    this.save({ ...this.data, sandbox: { ...this.data.sandbox, lenient } });
  }

  /** Every profile as the renderer may see it: the sandbox first, never a secret. */
  async list(): Promise<ProfileSummary[]> {
    return [this.sandboxSummary(), ...this.data.profiles.map((p) => this.summary(p))];
  }

  async summaryOf(id: string): Promise<ProfileSummary> {
    return id === SANDBOX_PROFILE_ID ? this.sandboxSummary() : this.summary(this.stored(id));
  }

  activeProfileId(): string {
    const id = this.data.activeProfileId;
    return id === SANDBOX_PROFILE_ID || this.data.profiles.some((p) => p.id === id) ? id : SANDBOX_PROFILE_ID;
  }

  setActive(id: string): void {
    if (id !== SANDBOX_PROFILE_ID) this.stored(id);
    this.save({ ...this.data, activeProfileId: id });
  }

  /** A profile with its secret, for the trusted side's client only. */
  async resolve(id: string): Promise<Profile | undefined> {
    if (id === SANDBOX_PROFILE_ID) {
      const s = this.options.sandbox;
      return {
        ...sandboxProfile(s.baseUrl, s.apiKey, s.apiSecret),
        color: this.data.sandbox.color,
        defaults: this.sandboxSummary().defaults,
        timeoutMs: this.data.sandbox.timeoutMs,
      };
    }
    const p = this.data.profiles.find((x) => x.id === id);
    if (!p) return undefined;
    return {
      id: p.id,
      name: p.name,
      color: p.color,
      environment: p.environment,
      baseUrl: p.region === 'custom' ? p.baseUrl : regionBaseUrl(p.region),
      apiKey: p.apiKey,
      apiSecret: await this.secretOf(p),
      defaults: { ...p.defaults },
      timeoutMs: p.timeoutMs,
    };
  }

  private async secretOf(p: StoredProfile): Promise<string> {
    const session = this.sessionSecrets.get(p.id);
    if (session !== undefined) return session;
    if (!p.secret) return '';
    const cached = this.decrypted.get(p.id);
    if (cached !== undefined) return cached;
    if (p.secret.cipher !== this.options.cipher.id) {
      throw new VaultError(
        'SECRET_UNREADABLE',
        msg('console', 'vault.secretOtherShell', { profile: p.name, shell: p.secret.cipher === 'safeStorage' ? 'desktop' : 'browser' }),
        'apiSecret',
      );
    }
    try {
      const plain = await this.options.cipher.decrypt(p.secret.data);
      this.decrypted.set(p.id, plain);
      return plain;
    } catch {
      throw new VaultError('SECRET_UNREADABLE', msg('console', 'vault.secretUndecryptable', { profile: p.name }), 'apiSecret');
    }
  }

  /**
   * Uses `secret` for a profile in this process only, never stored: the CLI's FACEID_API_SECRET
   * (a secret the desktop shell sealed with the OS keychain cannot be read by a plain Node process).
   */
  useSessionSecret(id: string, secret: string): void {
    this.stored(id);
    this.sessionSecrets.set(id, secret);
  }

  /** Secrets known this session (for redaction of anything printed or stored). */
  knownSecrets(): string[] {
    return [this.options.sandbox.apiSecret, ...this.sessionSecrets.values(), ...this.decrypted.values()];
  }

  /**
   * Every secret this vault can read, each stored one decrypted once (then cached as on first
   * use), for the history's scrub at start; one that cannot be read here is skipped.
   */
  async readableSecrets(): Promise<string[]> {
    for (const p of this.data.profiles) await this.secretOf(p).catch(() => '');
    return this.knownSecrets();
  }

  private nameTaken(name: string, exceptId?: string): boolean {
    return sameProfileName(name, BUILT_IN_NAME) || this.data.profiles.some((p) => p.id !== exceptId && sameProfileName(p.name, name));
  }

  /**
   * The first name free under the naming rule among `base + tail(1)`, `base + tail(2)`, …, with
   * `base` shortened where needed so the result can always be saved again.
   */
  freeName(base: string, tail: (n: number) => string): string {
    for (let n = 1; ; n++) {
      const name = fitName(base, tail(n));
      if (!this.nameTaken(name)) return name;
    }
  }

  private checkInput(input: ProfileInput, exceptId?: string): void {
    const name = input.name.trim();
    if (name === '') throw new VaultError('INVALID_PROFILE', msg('console', 'vault.nameEmpty'), 'name');
    if (this.nameTaken(name, exceptId)) {
      throw new VaultError('INVALID_PROFILE', msg('console', 'vault.nameTaken', { name }), 'name');
    }
    if (input.region === 'custom') {
      const problem = checkBaseUrl(input.baseUrl ?? '');
      if (problem) throw new VaultError('INVALID_PROFILE', problem, 'baseUrl');
    }
  }

  private async sealSecret(secret: string, acceptUnprotected: boolean, id: string): Promise<StoredProfile['secret']> {
    const decision = decidePersistence(this.protectionInfo, acceptUnprotected);
    this.decrypted.delete(id);
    this.sessionSecrets.delete(id);
    if (decision === 'session-only') {
      this.sessionSecrets.set(id, secret);
      return null;
    }
    this.decrypted.set(id, secret);
    return {
      cipher: this.options.cipher.id,
      data: await this.options.cipher.encrypt(secret),
      unprotected: decision === 'persist-unprotected',
    };
  }

  async create(input: ProfileInput): Promise<ProfileSummary> {
    this.checkInput(input);
    const id = randomUUID();
    const at = this.now();
    const profile: StoredProfile = {
      id,
      name: input.name.trim(),
      color: input.color,
      environment: input.environment,
      region: input.region,
      baseUrl: input.region === 'custom' ? (input.baseUrl ?? '').replace(/\/+$/, '') : '',
      apiKey: (input.apiKey ?? '').trim(),
      secret: input.secret ? await this.sealSecret(input.secret, input.acceptUnprotectedSecret ?? false, id) : null,
      confirmProduction: input.confirmProduction ?? input.environment === 'production',
      defaults: { ...input.defaults },
      desk: input.desk,
      timeoutMs: input.timeoutMs,
      createdAt: at,
      updatedAt: at,
    };
    this.save({ ...this.data, profiles: [...this.data.profiles, profile] });
    return this.summary(profile);
  }

  /** Replaces a profile's editable fields; the secret only changes when a new one is given. */
  async update(id: string, input: ProfileInput): Promise<ProfileSummary> {
    if (id === SANDBOX_PROFILE_ID) {
      this.save({
        ...this.data,
        sandbox: {
          ...this.data.sandbox,
          color: input.color,
          defaults: { ...input.defaults },
          desk: input.desk ?? this.data.sandbox.desk,
          timeoutMs: input.timeoutMs ?? this.data.sandbox.timeoutMs,
        },
      });
      return this.sandboxSummary();
    }
    const old = this.stored(id);
    this.checkInput(input, id);
    const next: StoredProfile = {
      ...old,
      name: input.name.trim(),
      color: input.color,
      environment: input.environment,
      region: input.region,
      baseUrl: input.region === 'custom' ? (input.baseUrl ?? '').replace(/\/+$/, '') : '',
      apiKey: input.apiKey === undefined ? old.apiKey : input.apiKey.trim(),
      secret: input.secret ? await this.sealSecret(input.secret, input.acceptUnprotectedSecret ?? false, id) : old.secret,
      confirmProduction: input.confirmProduction ?? old.confirmProduction,
      defaults: { ...input.defaults },
      desk: input.desk ?? old.desk,
      timeoutMs: input.timeoutMs ?? old.timeoutMs,
      updatedAt: this.now(),
    };
    this.save({ ...this.data, profiles: this.data.profiles.map((p) => (p.id === id ? next : p)) });
    return this.summary(next);
  }

  /** A copy without the secret (a secret is never copied implicitly). */
  async duplicate(id: string): Promise<ProfileSummary> {
    const source = id === SANDBOX_PROFILE_ID ? undefined : this.stored(id);
    if (!source) throw new VaultError('BUILT_IN', msg('console', 'vault.builtInDuplicate'), 'profileId');
    const name = this.freeName(source.name, (n) => (n === 1 ? ' (copy)' : ` (copy ${n})`));
    const at = this.now();
    const copy: StoredProfile = { ...source, id: randomUUID(), name, secret: null, createdAt: at, updatedAt: at };
    this.save({ ...this.data, profiles: [...this.data.profiles, copy] });
    return this.summary(copy);
  }

  remove(id: string): void {
    if (id === SANDBOX_PROFILE_ID) throw new VaultError('BUILT_IN', msg('console', 'vault.builtInDelete'), 'profileId');
    this.stored(id);
    this.sessionSecrets.delete(id);
    this.decrypted.delete(id);
    const profiles = this.data.profiles.filter((p) => p.id !== id);
    this.save({
      ...this.data,
      profiles,
      activeProfileId: this.data.activeProfileId === id ? SANDBOX_PROFILE_ID : this.data.activeProfileId,
    });
  }

  /** The stored profiles (not the built-in one) for export: never a secret. */
  exportable(): StoredProfile[] {
    return this.data.profiles.map((p) => ({ ...p, secret: null }));
  }

  /** Stored profiles as they are, for tests and migrations; secrets only as ciphertext. */
  raw(): StoreData {
    return structuredClone(this.data);
  }
}
