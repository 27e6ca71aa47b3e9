/**
 * The team history's connection settings (the shape is core/team.ts), turned into a pg client
 * configuration. The password is not a setting: it is sealed by the vault's cipher
 * (team-config.ts), so it is never written to a settings file or a log.
 */
import type { ClientConfig } from 'pg';
import type { TeamSettings } from '../../core/team';

export { DEFAULT_TEAM_SETTINGS, TeamSettingsSchema, type TeamSettings } from '../../core/team';

/** The pg client configuration for these settings and the password from the vault. */
export function clientConfig(s: TeamSettings, password: string | undefined): ClientConfig {
  const ssl =
    s.tlsMode === 'disable'
      ? false
      : s.tlsMode === 'require'
        ? { rejectUnauthorized: false }
        : { rejectUnauthorized: true, ...(s.caPem ? { ca: s.caPem } : {}) };
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
