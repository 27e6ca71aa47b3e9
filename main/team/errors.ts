/**
 * What went wrong with the team store, as a code and parameters: the renderer (namespace `team`)
 * and the CLI turn it into words in the operator's language. Never carries a password.
 */
import type { TeamErrorCode, TeamErrorParams } from '../../core/team';

export type { TeamErrorCode, TeamErrorParams } from '../../core/team';

export class TeamError extends Error {
  constructor(
    readonly code: TeamErrorCode,
    readonly params: TeamErrorParams = {},
  ) {
    super(`${code}${Object.keys(params).length > 0 ? ` ${JSON.stringify(params)}` : ''}`);
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ETIMEDOUT']);

/** Reads a pg / socket error as a team error code (SQLSTATE and errno, never the message text). */
export function teamErrorOf(e: unknown): TeamError {
  if (e instanceof TeamError) return e;
  const err = e as { code?: unknown; message?: unknown } | undefined;
  const code = typeof err?.code === 'string' ? err.code : '';
  const message = typeof err?.message === 'string' ? err.message : '';
  if (NETWORK_CODES.has(code)) return new TeamError('TEAM_UNREACHABLE', { errno: code });
  if (code === 'ECONNRESET' || code === 'EPIPE' || /Connection terminated|connection lost|not queryable/i.test(message))
    return new TeamError('TEAM_CONNECTION_LOST');
  if (code === '28P01' || code === '28000') return new TeamError('TEAM_AUTH_FAILED', { sqlstate: code });
  if (code === '42501' || code === '42704') return new TeamError('TEAM_PERMISSION_DENIED', { sqlstate: code });
  if (
    /certificate|self[- ]signed|SSL|TLS/i.test(message) ||
    code.startsWith('ERR_TLS') ||
    code.startsWith('CERT_') ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT'
  ) {
    return new TeamError('TEAM_TLS_FAILED', code ? { errno: code } : {});
  }
  if (/^[0-9A-Z]{5}$/.test(code)) return new TeamError('TEAM_SERVER_ERROR', { sqlstate: code });
  return new TeamError('TEAM_CONNECTION_LOST');
}
