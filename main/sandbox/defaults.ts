/** Defaults of the embedded and standalone sandbox (documented in README). */
export const SANDBOX_DEFAULT_KEY = 'sandbox-key';
export const SANDBOX_DEFAULT_SECRET = 'sandbox-secret';
export const SANDBOX_DEFAULT_PORT = 7300;

/**
 * Scenes the sandbox knows, with the flow timeout each gives a token (the service counts it from
 * get_token: faceid-api.md §2.4). An empty scene_id uses the account default, 60 minutes.
 */
export const SANDBOX_SCENES: Readonly<Record<string, number>> = {
  'sandbox-60min': 3600,
  'sandbox-5min': 300,
  'sandbox-1min': 60,
};
export const DEFAULT_SCENE_TIMEOUT_S = 3600;

/** Magic `uuid` values that force outcomes the sandbox cannot decide honestly. */
export const MAGIC_UUIDS = {
  noFace: 'sandbox:no-face',
  multipleFaces: 'sandbox:multiple-faces',
  concurrency: 'sandbox:concurrency',
  internalError: 'sandbox:internal-error',
  unauthorized: 'sandbox:unauthorized',
} as const;

/** Upload limits, inferred from the sister Raw-Verify API (faceid-api.md §2.5). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
