/** Defaults of the embedded and standalone sandbox (documented in the README). */
export const SANDBOX_DEFAULT_KEY = 'sandbox-key';
export const SANDBOX_DEFAULT_SECRET = 'sandbox-secret';
export const SANDBOX_DEFAULT_PORT = 7300;
export const SANDBOX_DEFAULT_HOST = '127.0.0.1';

/**
 * Scenes the sandbox knows, with the flow timeout each gives a token (the service counts it from
 * get_token: faceid-api.md §2.4). An empty or absent scene_id uses the account default, 60 minutes.
 */
export const SANDBOX_SCENES: Readonly<Record<string, number>> = {
  'sandbox-60min': 3600,
  'sandbox-5min': 300,
  'sandbox-1min': 60,
};
export const DEFAULT_SCENE_TIMEOUT_S = 3600;

/**
 * Magic `uuid` values that force outcomes the sandbox cannot decide honestly (it has no face
 * detector, no quota and no failing back end). They act only on a request that passed validation.
 */
export const MAGIC_UUIDS = {
  /** 400 NO_FACE_FOUND, when a reference image was examined (comparison_type=0). */
  noFace: 'sandbox:no-face',
  /** 400 MULTIPLE_FACES, when an image was examined, unless fail_when_ref_multiple_faces=0. */
  multipleFaces: 'sandbox:multiple-faces',
  /** 403 CONCURRENCY_LIMIT_EXCEEDED. */
  concurrency: 'sandbox:concurrency',
  /** 500 INTERNAL_ERROR. */
  internalError: 'sandbox:internal-error',
  /** 403 AUTHORIZATION_ERROR: Denied. (under `error`, as the seed sends it). */
  unauthorized: 'sandbox:unauthorized',
} as const;

/** Upload limits. 2 MB per file is inferred from the sister Raw-Verify API (faceid-api.md §2.5). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Whole-body limit: our own guess at a gateway limit (nothing documents one). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
