/**
 * Profile import/export as JSON without secrets: a shared file carries names, regions, keys and
 * defaults, and every secret must be entered again on the receiving machine.
 */
import { z } from 'zod';
import type { ProfileInput } from '../../core/api';
import { DeskSettingsSchema } from '../../core/desk';
import { ClientTimeoutSchema } from '../../core/client-timeout';
import { ColorSchema, DefaultsSchema, EnvironmentSchema, RegionSchema, type StoredProfile } from './schema';
import { msg } from '../../core/i18n/render';
import { VaultError } from './vault';

export const EXPORT_FORMAT = 'faceid-console-profiles';

const ExportedProfileSchema = z
  .object({
    name: z.string().min(1).max(60),
    color: ColorSchema,
    environment: EnvironmentSchema,
    region: RegionSchema,
    baseUrl: z.string().max(2048).optional(),
    apiKey: z.string().max(256),
    confirmProduction: z.boolean(),
    defaults: DefaultsSchema,
    /** Optional, so files from before desk mode still import. */
    desk: DeskSettingsSchema.optional(),
    /** Optional, so files from before the per-profile timeout still import. */
    timeoutMs: ClientTimeoutSchema.optional(),
  })
  .strict();

const ExportFileSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(1),
    exportedAt: z.string(),
    profiles: z.array(ExportedProfileSchema).max(500),
  })
  .strict();

/** The export document for stored profiles: no secret, not even as ciphertext. */
export function exportProfiles(profiles: readonly StoredProfile[], now: Date): string {
  const doc = {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    profiles: profiles.map((p) => ({
      name: p.name,
      color: p.color,
      environment: p.environment,
      region: p.region,
      ...(p.region === 'custom' ? { baseUrl: p.baseUrl } : {}),
      apiKey: p.apiKey,
      confirmProduction: p.confirmProduction,
      defaults: p.defaults,
      ...(p.desk ? { desk: p.desk } : {}),
      ...(p.timeoutMs !== undefined ? { timeoutMs: p.timeoutMs } : {}),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * Parses an export file into profile inputs, or throws a VaultError (INVALID_IMPORT) whose words say exactly what
 * is wrong (not JSON, wrong format, which profile and field is invalid). A file that carries a
 * secret is refused, so secrets never travel in these files even if someone adds one by hand.
 */
export function parseProfileExport(text: string): ProfileInput[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new VaultError(
      'INVALID_IMPORT',
      msg('console', 'import.notJson', { detail: e instanceof Error ? e.message : String(e) }),
      'json',
    );
  }
  if (!json || typeof json !== 'object' || (json as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw new VaultError('INVALID_IMPORT', msg('console', 'import.notExport', { format: EXPORT_FORMAT }), 'json');
  }
  const parsed = ExportFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    // The schema's own words (zod's) are quoted as the detail: they name what is wrong with the field.
    const detail = issue?.message ?? 'invalid';
    const words =
      path[0] === 'profiles' && typeof path[1] === 'number'
        ? msg('console', 'import.invalidField', { n: path[1] + 1, field: path.slice(2).join('.') || '(profile)', detail })
        : msg('console', 'import.invalidAt', { where: path.join('.') || '(file)', detail });
    const carriesSecret = issue?.code === 'unrecognized_keys' && issue.keys.some((k) => /secret/i.test(k));
    throw new VaultError('INVALID_IMPORT', carriesSecret ? [words, msg('console', 'import.noSecrets')] : words, 'json');
  }
  return parsed.data.profiles.map((p) => ({ ...p, defaults: { ...p.defaults } }));
}
