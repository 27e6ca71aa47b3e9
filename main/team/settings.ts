/**
 * The team history's connection settings: where the bank's PostgreSQL is and how to reach it.
 * The password is not here: it is sealed by the vault's cipher (team-config.ts), so it is never
 * written to a settings file or a log.
 */
import type { ClientConfig } from 'pg';
import { z } from 'zod';

export const TeamSettingsSchema = z
  .object({
    /** Off by default: SQLite alone, no setup, works offline. */
    enabled: z.boolean(),
    host: z.string().trim().min(1, 'host is empty').max(255),
    port: z.number().int().min(1).max(65535),
    database: z.string().trim().min(1, 'database is empty').max(63),
    user: z.string().trim().min(1, 'user is empty').max(63),
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

export const DEFAULT_TEAM_SETTINGS: TeamSettings = { enabled: false, host: 'localhost', port: 5432, database: 'faceid', user: '', tlsMode: 'verify-full' };

/** The pg client configuration for these settings and the password from the vault. */
export function clientConfig(s: TeamSettings, password: string | undefined): ClientConfig {
  const ssl = s.tlsMode === 'disable' ? false : s.tlsMode === 'require' ? { rejectUnauthorized: false } : { rejectUnauthorized: true, ...(s.caPem ? { ca: s.caPem } : {}) };
  return {
    host: s.host,
    port: s.port,
    database: s.database,
    user: s.user,
    ...(password !== undefined ? { password } : {}),
    ssl,
    application_name: 'faceid-console',
    connectionTimeoutMillis: 5000,
    // A server that stops answering mid-batch must not hold the publisher forever.
    query_timeout: 15_000,
    keepAlive: true,
  };
}
