import type { Environment, ProfileSummary } from '../../core/api';

/** A connection with its credentials; lives on the trusted side only. */
export interface Profile {
  id: string;
  name: string;
  color: string;
  environment: Environment;
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  defaults: Record<string, string>;
  /** The client's timeout for this profile's calls, ms (absent: the client's default, 30 s). */
  timeoutMs?: number;
}

/** What the handlers need of the profile store. */
export interface ProfileSource {
  /** Every profile as the renderer may see it. */
  list(): Promise<ProfileSummary[]>;
  /** A profile with its secret, for the trusted side only. */
  resolve(id: string): Promise<Profile | undefined>;
}

export const SANDBOX_PROFILE_ID = 'sandbox';

/** The built-in profile that points at the embedded sandbox, so the console works with no credentials. */
export function sandboxProfile(baseUrl: string, apiKey: string, apiSecret: string): Profile {
  return {
    id: SANDBOX_PROFILE_ID,
    name: 'Sandbox (built-in)',
    color: '#2f855a',
    environment: 'sandbox',
    baseUrl,
    apiKey,
    apiSecret,
    // uuid is required with both comparison types (the seed: 必选): a default lets a fresh
    // install issue its first sandbox token without typing a customer id.
    defaults: {
      return_url: 'https://example.com/faceid/return',
      notify_url: 'https://example.com/faceid/notify',
      uuid: 'sandbox-customer',
    },
  };
}
