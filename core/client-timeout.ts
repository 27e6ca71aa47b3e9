/**
 * How long the client waits for a whole get_token exchange, set per profile (in seconds in the
 * editor): 30 s unless the profile says otherwise, from 1 s to 5 min. A sent request whose answer
 * does not come in time is an unknown outcome, which is how a support agent reproduces one.
 */
import { z } from 'zod';

export const CLIENT_TIMEOUT_DEFAULT_MS = 30_000;
export const CLIENT_TIMEOUT_MIN_MS = 1_000;
export const CLIENT_TIMEOUT_MAX_MS = 300_000;

/** A profile's client timeout, ms. */
export const ClientTimeoutSchema = z.number().int().min(CLIENT_TIMEOUT_MIN_MS).max(CLIENT_TIMEOUT_MAX_MS);
