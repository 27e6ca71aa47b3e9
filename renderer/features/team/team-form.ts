/** The team settings form's draft: text inputs as typed, checked into settings by the core schema. */
import { TeamSettingsSchema, type TeamSettings } from '../../../core/team';

export interface TeamDraft {
  enabled: boolean;
  host: string;
  port: string;
  database: string;
  user: string;
  tlsMode: TeamSettings['tlsMode'];
  caPem: string;
  password: string;
}

export function toDraft(s: TeamSettings): TeamDraft {
  return {
    enabled: s.enabled,
    host: s.host,
    port: String(s.port),
    database: s.database,
    user: s.user,
    tlsMode: s.tlsMode,
    caPem: s.caPem ?? '',
    password: '',
  };
}

/** The settings, or the first problem of each field (field name → the schema's message). */
export function fromDraft(
  d: TeamDraft,
): { settings: TeamSettings; password?: string } | { problems: Partial<Record<keyof TeamDraft, string>> } {
  const parsed = TeamSettingsSchema.safeParse({
    enabled: d.enabled,
    host: d.host,
    port: /^\d{1,5}$/.test(d.port.trim()) ? Number(d.port.trim()) : Number.NaN,
    database: d.database,
    user: d.user,
    tlsMode: d.tlsMode,
    ...(d.caPem.trim() ? { caPem: d.caPem.trim() } : {}),
  });
  if (!parsed.success) {
    const problems: Partial<Record<keyof TeamDraft, string>> = {};
    for (const issue of parsed.error.issues) {
      const k = issue.path[0] as keyof TeamDraft;
      problems[k] ??= k === 'port' ? 'port must be 1–65535' : issue.message;
    }
    return { problems };
  }
  return { settings: parsed.data, ...(d.password ? { password: d.password } : {}) };
}
