import type { ConnectionCheck } from '../../core/api';
import { errorWords } from '../../core/faceid/errors';
import { faceidParagraph, faceidText } from '../../core/faceid/messages';
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
    return { ok: false, verdict: 'authentication-failed', message: 'This profile has no api_key or no api_secret yet.', elapsedMs: 0 };
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
      message: 'Key and secret accepted (the service unexpectedly issued a token for an empty request).',
      elapsedMs: r.elapsedMs,
    };
  }
  const code = r.error.code;
  if (code === 'MISSING_ARGUMENTS' || code === 'BAD_ARGUMENTS') {
    return {
      ok: true,
      verdict: 'authenticated',
      message: `Key and secret accepted by ${profile.baseUrl} (${r.elapsedMs} ms).`,
      elapsedMs: r.elapsedMs,
    };
  }
  if (code === 'AUTHENTICATION_ERROR') {
    return {
      ok: false,
      verdict: 'authentication-failed',
      message: 'The service refused the key and secret (AUTHENTICATION_ERROR). Check both, and the region.',
      elapsedMs: r.elapsedMs,
    };
  }
  if (code === 'AUTHORIZATION_ERROR') {
    return {
      ok: false,
      verdict: 'authorization-failed',
      message: `The key is known but not allowed: ${r.error.detail ?? 'no reason given'}.`,
      elapsedMs: r.elapsedMs,
    };
  }
  if (code === 'NETWORK_ERROR' || code === 'TIMEOUT' || code === 'CONNECTION_LOST') {
    return {
      ok: false,
      verdict: 'network',
      message: `${faceidText(r.error.title)}: ${faceidParagraph(errorWords(r.error))}`,
      elapsedMs: r.elapsedMs,
    };
  }
  return {
    ok: false,
    verdict: 'unexpected',
    message: `${faceidText(r.error.title)}: ${faceidParagraph(errorWords(r.error))}`,
    elapsedMs: r.elapsedMs,
  };
}
