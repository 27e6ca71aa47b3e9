/**
 * Team history as the renderer sees it: the connection settings (never the password), and the
 * publisher's state as codes and numbers — the words are the renderer's (namespace `team`).
 */
import { z } from 'zod';

export const TeamSettingsSchema = z
  .object({
    /** Off by default: SQLite alone, no setup, works offline. */
    enabled: z.boolean(),
    host: z.string().trim().min(1, 'host is empty').max(255),
    port: z.number().int().min(1, 'port must be 1–65535').max(65535, 'port must be 1–65535'),
    database: z.string().trim().min(1, 'database is empty').max(63, 'database names have at most 63 characters'),
    user: z.string().trim().min(1, 'user is empty').max(63, 'user names have at most 63 characters'),
    /**
     * verify-full (default): TLS, the server's certificate checked against the CA and its name;
     * require: TLS without checking whom we talk to; disable: plain TCP (loopback tests only).
     */
    tlsMode: z.enum(['verify-full', 'require', 'disable']),
    /** PEM of the bank's CA, for verify-full against a private CA. */
    caPem: z.string().max(65_536).optional(),
  })
  .strict();
export type TeamSettings = z.infer<typeof TeamSettingsSchema>;

/** Defaults: off, and the strictest TLS. */
export const DEFAULT_TEAM_SETTINGS: TeamSettings = {
  enabled: false,
  host: 'localhost',
  port: 5432,
  database: 'faceid',
  user: '',
  tlsMode: 'verify-full',
};

export const TEAM_ERROR_CODES = [
  'TEAM_UNREACHABLE',
  'TEAM_CONNECTION_LOST',
  'TEAM_AUTH_FAILED',
  'TEAM_TLS_FAILED',
  'TEAM_PERMISSION_DENIED',
  'TEAM_NOT_A_DESK',
  'TEAM_SCHEMA_MISSING',
  'TEAM_SCHEMA_NEWER',
  'TEAM_SCHEMA_OLDER',
  'TEAM_NOT_CONFIGURED',
  'TEAM_SERVER_ERROR',
] as const;
export type TeamErrorCode = (typeof TEAM_ERROR_CODES)[number];
export type TeamErrorParams = Record<string, string | number>;

/**
 * A team login that reads but is not mapped to a branch and desk: support reads every branch,
 * an auditor every branch without photos. Support publishes once the DBA maps it; an auditor never.
 */
export interface TeamReadOnlyLogin {
  kind: 'support' | 'auditor';
  user: string;
}

/** The team configuration and the publisher's state. */
export interface TeamStatus {
  settings: TeamSettings;
  hasPassword: boolean;
  /** The password is kept for this session only (nothing protects it at rest here). */
  passwordSessionOnly: boolean;
  /**
   * read-only: connected with a support or auditor login the DBA did not map in faceid_team.desks.
   * It reads the team history; its own calls stay in the outbox (counted in `waiting`, shown as kept
   * on this desk, not as waiting for the server) until the login is mapped, checked at every idle tick.
   */
  state: 'off' | 'stopped' | 'publishing' | 'idle' | 'backing-off' | 'read-only';
  /** Set while `state` is read-only: which read-only group the login belongs to, and its name. */
  readOnly?: TeamReadOnlyLogin;
  /** Calls with writes not yet published. */
  waiting: number;
  /** When the oldest of them was written (ms). */
  oldestAt?: number;
  /** Calls set aside after the server refused them for good (a constraint or data error). */
  quarantined: number;
  /** Why the newest of them was refused. */
  quarantineError?: { code: TeamErrorCode; params: TeamErrorParams; at: number };
  /** Results other desks of the branch fetched, read back into this desk's rows (since start). */
  resultsAdopted?: number;
  lastPublishedAt?: number;
  lastError?: { code: TeamErrorCode; params: TeamErrorParams; at: number };
  nextAttemptAt?: number;
  /** Where the connected role publishes, once the server said so. */
  branch?: string;
  desk?: string;
}

/** A call whose publication the team server refused for good (a constraint or data error), set aside. */
export interface QuarantinedCall {
  globalId: string;
  bizNo?: string;
  attempts: number;
  error: { code: TeamErrorCode; params: TeamErrorParams };
  /** When it was set aside (ms). */
  at: number;
}
