import type { ConnectionCheck } from '../../core/api';
import { errorWords } from '../../core/faceid/errors';
import { msg } from '../../core/i18n/render';
import { getToken } from '../faceid/client';
import type { Profile } from '../vault/profiles';

/**
 * Proves a key and secret with the cheapest call that cannot issue a token: a get_token carrying
 * only the credentials. A service that accepts them answers MISSING_ARGUMENTS (nothing issued, so
 * nothing goes into the history as if it were real); one that refuses them answers
 * AUTHENTICATION_ERROR.
 */
export async function checkConnection(profile: Profile, timeoutMs = 15_000): Promise<ConnectionCheck> {
  if (profile.apiKey === '' || profile.apiSecret === '') {
    return { ok: false, verdict: 'authentication-failed', words: [msg('console', 'connection.noCredentials')], elapsedMs: 0 };
  }
  const r = await getToken({
    baseUrl: profile.baseUrl,
    apiKey: profile.apiKey,
    apiSecret: profile.apiSecret,
    params: {},
    photos: {},
    timeoutMs,
  });
  if (r.outcome === 'issued') {
    return {
      ok: true,
      verdict: 'authenticated',
      words: [msg('console', 'connection.acceptedUnexpectedly')],
      elapsedMs: r.elapsedMs,
    };
  }
  const code = r.error.code;
  if (code === 'MISSING_ARGUMENTS' || code === 'BAD_ARGUMENTS') {
    return {
      ok: true,
      verdict: 'authenticated',
      words: [msg('console', 'connection.accepted', { baseUrl: profile.baseUrl, ms: r.elapsedMs })],
      elapsedMs: r.elapsedMs,
    };
  }
  if (code === 'AUTHENTICATION_ERROR') {
    return {
      ok: false,
      verdict: 'authentication-failed',
      words: [msg('console', 'connection.refused', { code })],
      elapsedMs: r.elapsedMs,
    };
  }
  if (code === 'AUTHORIZATION_ERROR') {
    return {
      ok: false,
      verdict: 'authorization-failed',
      words: [
        r.error.detail
          ? msg('console', 'connection.notAllowed', { reason: r.error.detail })
          : msg('console', 'connection.notAllowedNoReason'),
      ],
      elapsedMs: r.elapsedMs,
    };
  }
  if (code === 'NETWORK_ERROR' || code === 'TIMEOUT' || code === 'CONNECTION_LOST') {
    return {
      ok: false,
      verdict: 'network',
      words: [r.error.title, ...errorWords(r.error)],
      elapsedMs: r.elapsedMs,
    };
  }
  return {
    ok: false,
    verdict: 'unexpected',
    words: [r.error.title, ...errorWords(r.error)],
    elapsedMs: r.elapsedMs,
  };
}
