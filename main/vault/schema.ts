/**
 * The profile store's one schema (electron-store under Electron, conf under Node), with the
 * migrations that bring older stored versions up to it.
 */
import { z } from 'zod';
import { FORM_PARAMS } from '../../core/faceid/catalogue';
import { DeskSettingsSchema } from '../../core/desk';
import { ClientTimeoutSchema } from '../../core/client-timeout';

/** Bump with a migration below whenever the stored shape changes. */
export const SCHEMA_VERSION = 2;

const formParamNames = new Set(FORM_PARAMS.map((p) => p.name));

export const DefaultsSchema = z.record(z.string(), z.string().max(4096)).refine((d) => Object.keys(d).every((k) => formParamNames.has(k)), {
  message: `defaults may only name form parameters (${[...formParamNames].join(', ')})`,
});

export const EnvironmentSchema = z.enum(['sandbox', 'test', 'production']);
export const RegionSchema = z.enum(['idn', 'sgp', 'custom']);
export const ColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #2f855a');

export const StoredSecretSchema = z.object({
  cipher: z.enum(['safeStorage', 'aes-256-gcm']),
  data: z.string().min(1),
  /** True when the operator accepted storing it where nothing protects it (Linux basic_text). */
  unprotected: z.boolean(),
});

export const StoredProfileSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(60),
  color: ColorSchema,
  environment: EnvironmentSchema,
  region: RegionSchema,
  /** Only for region "custom"; known regions derive it. */
  baseUrl: z.string().max(2048),
  apiKey: z.string().max(256),
  secret: StoredSecretSchema.nullable(),
  confirmProduction: z.boolean(),
  defaults: DefaultsSchema,
  /** Optional, absent = the desk defaults, so older documents read unchanged and need no migration. */
  desk: DeskSettingsSchema.optional(),
  /** The client's timeout, ms. Optional, absent = 30 s, so older documents read unchanged and need no migration. */
  timeoutMs: ClientTimeoutSchema.optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type StoredProfile = z.infer<typeof StoredProfileSchema>;

export const StoreSchema = z.object({
  profiles: z.array(StoredProfileSchema),
  activeProfileId: z.string(),
  /** The built-in sandbox profile's editable parts; its address and credentials are the embedded sandbox's. */
  sandbox: z.object({
    color: ColorSchema,
    defaults: DefaultsSchema,
    /**
     * The embedded sandbox accepts values the vendor has not ruled out (main/sandbox/arguments.ts).
     * Optional, absent = strict, so older documents read unchanged and need no migration.
     */
    lenient: z.boolean().optional(),
    desk: DeskSettingsSchema.optional(),
    timeoutMs: ClientTimeoutSchema.optional(),
  }),
});
export type StoreData = z.infer<typeof StoreSchema>;

/** A store's contents as conf hands them to a migration: untyped JSON. */
export type RawStore = Record<string, unknown>;

/**
 * Migrations keyed by the schema version they produce. Version 1 (the first release) kept
 * `apiSecretEncrypted` as a bare string, a `baseUrl` for every profile and no region,
 * production confirmation or colour.
 */
export const MIGRATIONS: Record<number, (store: RawStore) => void> = {
  2: (store) => {
    const old = Array.isArray(store.profiles) ? (store.profiles as Record<string, unknown>[]) : [];
    store.profiles = old.map((p) => {
      const baseUrl = typeof p.baseUrl === 'string' ? p.baseUrl : '';
      const region = baseUrl.includes('api-idn.megvii.com') ? 'idn' : baseUrl.includes('api-sgp.megvii.com') ? 'sgp' : 'custom';
      const encrypted = typeof p.apiSecretEncrypted === 'string' && p.apiSecretEncrypted !== '' ? p.apiSecretEncrypted : null;
      const now = Date.now();
      return {
        id: p.id,
        name: p.name,
        color: typeof p.color === 'string' ? p.color : p.environment === 'production' ? '#c53030' : '#3182ce',
        environment: p.environment,
        region,
        baseUrl: region === 'custom' ? baseUrl : '',
        apiKey: p.apiKey ?? '',
        secret: encrypted ? { cipher: p.cipher ?? 'aes-256-gcm', data: encrypted, unprotected: false } : null,
        confirmProduction: p.environment === 'production',
        defaults: p.defaults ?? {},
        createdAt: typeof p.createdAt === 'number' ? p.createdAt : now,
        updatedAt: now,
      };
    });
    if (typeof store.activeProfileId !== 'string') store.activeProfileId = 'sandbox';
    if (!store.sandbox) store.sandbox = { color: '#2f855a', defaults: {} };
  },
};

/** Brings a stored document from `from` up to SCHEMA_VERSION, in place. */
export function migrate(store: RawStore, from: number): void {
  for (let v = from + 1; v <= SCHEMA_VERSION; v++) MIGRATIONS[v]?.(store);
}
