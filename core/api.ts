/**
 * The console's own API: every operation the renderer may ask of the trusted side. One table of
 * request schemas (validated at runtime at the boundary, since the renderer is untrusted input)
 * and one map of response types. The Electron shell binds it to ipcMain, the browser shell to
 * HTTP routes; the preload and the web bridge expose exactly these names.
 */
import { z } from 'zod';
import type { HistoryPage, HistoryRow } from './history';
import { HistoryCursorSchema, HistoryFilterSchema, SettingsSchema, type Settings } from './history-schemas';
import { MAX_PHOTO_BASE64, MAX_PHOTO_BYTES } from './limits';
import { OP_NAMES, type OpName } from './ops';
import { FAULT_MODES, FAULT_OPERATIONS, MAX_FAULT_LATENCY_MS, MAX_FAULT_REMAINING } from './sandbox-faults';
import type { ErrorSpec } from './faceid/errors';
import type { ParamSpec } from './faceid/catalogue';
import type { GetTokenResult } from './faceid/get-token-result';
import type { FieldIssue, Result } from './result';
import type { PhotoFindings } from './precheck/findings';


/** A reference photo as it crosses the boundary: the bytes, base64-encoded, and a display name. */
export const PhotoUploadSchema = z
  .object({
    name: z.string().max(255),
    dataBase64: z.string().max(MAX_PHOTO_BASE64, `a photo may be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB`).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
  })
  .strict();
export type PhotoUpload = z.infer<typeof PhotoUploadSchema>;

export const IssueTokenRequestSchema = z
  .object({
    /** Chosen by the caller so the call can be cancelled while in flight. */
    callId: z.string().min(8).max(64),
    profileId: z.string().min(1).max(64),
    params: z.record(z.string().max(64), z.string().max(65_536)),
    photos: z
      .object({ image_ref1: PhotoUploadSchema.optional(), image_ref2: PhotoUploadSchema.optional() })
      .strict(),
  })
  .strict();
export type IssueTokenRequest = z.infer<typeof IssueTokenRequestSchema>;

/** A profile as the operator edits it. The secret is write-only: given to set it, omitted to keep it. */
export const ProfileInputSchema = z
  .object({
    name: z.string().min(1).max(60),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #2f855a'),
    environment: z.enum(['sandbox', 'test', 'production']),
    region: z.enum(['idn', 'sgp', 'custom']),
    baseUrl: z.string().max(2048).optional(),
    /** Omitted on update: keep the stored key (the renderer only ever sees a hint of it). */
    apiKey: z.string().max(256).optional(),
    secret: z.string().min(1).max(1024).optional(),
    /** Store the secret although nothing protects it at rest (Linux basic_text). */
    acceptUnprotectedSecret: z.boolean().optional(),
    confirmProduction: z.boolean().optional(),
    defaults: z.record(z.string().max(64), z.string().max(4096)),
  })
  .strict();
export type ProfileInput = z.infer<typeof ProfileInputSchema>;

const ProfileId = z.string().min(1).max(64);

/** Faults the embedded sandbox injects into its next answers (support work); bounds in sandbox-faults.ts. */
export const SandboxFaultPlanSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(MAX_FAULT_LATENCY_MS).optional(),
    mode: z.enum(FAULT_MODES).optional(),
    operation: z.enum(FAULT_OPERATIONS).optional(),
    remaining: z.number().int().min(1).max(MAX_FAULT_REMAINING).optional(),
  })
  .strict();
export type SandboxFaultPlan = z.infer<typeof SandboxFaultPlanSchema>;

export const requestSchemas = {
  listProfiles: z.object({}).strict(),
  describeCatalogue: z.object({}).strict(),
  issueToken: IssueTokenRequestSchema,
  cancelCall: z.object({ callId: z.string().min(8).max(64) }).strict(),
  getVaultStatus: z.object({}).strict(),
  createProfile: z.object({ profile: ProfileInputSchema }).strict(),
  updateProfile: z.object({ profileId: ProfileId, profile: ProfileInputSchema }).strict(),
  duplicateProfile: z.object({ profileId: ProfileId }).strict(),
  deleteProfile: z.object({ profileId: ProfileId }).strict(),
  setActiveProfile: z.object({ profileId: ProfileId }).strict(),
  exportProfiles: z.object({}).strict(),
  importProfiles: z.object({ json: z.string().max(5_000_000) }).strict(),
  testConnection: z.object({ profileId: ProfileId }).strict(),
  queryHistory: z.object({ filter: HistoryFilterSchema, cursor: HistoryCursorSchema.optional(), limit: z.number().int().min(1).max(500) }).strict(),
  getHistoryRow: z.object({ id: z.number().int().positive() }).strict(),
  historyCurl: z.object({ id: z.number().int().positive() }).strict(),
  exportHistory: z.object({ filter: HistoryFilterSchema, format: z.enum(['csv', 'json']) }).strict(),
  /** `all: true` deletes everything; otherwise the rows matching the filter. */
  deleteHistory: z.union([z.object({ all: z.literal(true) }).strict(), z.object({ filter: HistoryFilterSchema }).strict()]),
  getKeptPhoto: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  getSettings: z.object({}).strict(),
  /** Changes the given settings and keeps the others, so two panels never undo each other's change. */
  updateSettings: z.object({ settings: SettingsSchema.partial() }).strict(),
  /** get_result for an issued token's row; the answer is stored in the row at once. */
  fetchResult: z.object({ historyId: z.number().int().positive() }).strict(),
  /** Checks a callback's `sign` against the profile's secret, which never leaves the trusted side. */
  verifyCallback: z.object({ profileId: ProfileId, data: z.string().max(1_000_000), sign: z.string().max(200) }).strict(),
  getSandboxState: z.object({}).strict(),
  setSandboxFaults: z.object({ plan: SandboxFaultPlanSchema.nullable() }).strict(),
  /** Strict (default) or lenient embedded sandbox; kept with the built-in profile across restarts. */
  setSandboxMode: z.object({ lenient: z.boolean() }).strict(),
  /**
   * The photo pre-check: findings for one photo as a reference image of a call with these
   * parameters. Takes the bytes as issueToken does; a staged-photo handle can replace `photo`.
   */
  analysePhoto: z
    .object({
      photo: PhotoUploadSchema,
      context: z.object({ multiOrientedDetection: z.boolean(), failWhenMultipleFaces: z.boolean() }).strict().optional(),
    })
    .strict(),
  /** The photo turned clockwise (pre-check's one-click fix), re-encoded once as JPEG. */
  rotatePhoto: z.object({ photo: PhotoUploadSchema, degrees: z.union([z.literal(90), z.literal(180), z.literal(270)]) }).strict(),
  /** The embedded sandbox answers NO_FACE_FOUND / MULTIPLE_FACES from the photos' content (opt-in). */
  setSandboxDetectFaces: z.object({ on: z.boolean() }).strict(),
} as const satisfies Record<OpName, z.ZodType>;

// Every operation name has a schema, and every schema an operation name.
type _SchemasCoverOps = OpName extends keyof typeof requestSchemas ? (keyof typeof requestSchemas extends OpName ? true : never) : never;
const _schemasCoverOps: _SchemasCoverOps = true;
void _schemasCoverOps;

export { OP_NAMES, type OpName };

export type Environment = 'sandbox' | 'test' | 'production';

/** Where a profile's secret lives: the renderer learns this, never the secret. */
export type SecretStorage = 'built-in' | 'encrypted' | 'unprotected' | 'session-only' | 'none';

/** A connection as the renderer sees it: never the secret, only whether there is one. */
export interface ProfileSummary {
  id: string;
  name: string;
  color: string;
  environment: Environment;
  region: 'idn' | 'sgp' | 'custom';
  baseUrl: string;
  /** The last characters of the api_key, e.g. "…a1b2". */
  keyHint: string;
  hasSecret: boolean;
  secretStorage: SecretStorage;
  /** Ask before issuing a token on this profile. */
  confirmProduction: boolean;
  /** The embedded sandbox profile: cannot be deleted. */
  builtIn: boolean;
  /** Per-profile defaults for form parameters. */
  defaults: Record<string, string>;
}

export interface VaultStatus {
  activeProfileId: string;
  protection: { level: 'os' | 'key-file' | 'none'; backend: string; explanation: string };
  /** Where profiles are stored. */
  path: string;
}

export interface ConnectionCheck {
  ok: boolean;
  /** authenticated | authentication-failed | authorization-failed | network | unexpected */
  verdict: 'authenticated' | 'authentication-failed' | 'authorization-failed' | 'network' | 'unexpected';
  message: string;
  elapsedMs: number;
}

export interface CatalogueDescription {
  params: readonly ParamSpec[];
  errors: readonly ErrorSpec[];
  notifyPorts: readonly number[];
  imageLimits: { maxBytes: number; maxSide: number };
}

/** What happened to a get_token call that was valid enough to be sent: the client's result, plus what the console adds. */
export type IssueTokenOutcome =
  | (Omit<Extract<GetTokenResult, { outcome: 'issued' }>, 'rawBody'> & {
      /** The customer's liveness page for this token, on the profile's region. */
      livenessUrl: string;
      /** The history row of the call. */
      historyId?: number;
      warnings: FieldIssue[];
    })
  /** No token: the service refused, or nothing could be sent. Unknown: sent, no complete answer; never retried automatically. */
  | (WithoutRawBody<Exclude<GetTokenResult, { outcome: 'issued' }>> & { warnings: FieldIssue[]; historyId?: number });

/** Omit, applied to each member of a union so the discriminant survives. */
type WithoutRawBody<T> = T extends unknown ? Omit<T, 'rawBody'> : never;

export interface ApiResponses {
  listProfiles: ProfileSummary[];
  describeCatalogue: CatalogueDescription;
  issueToken: IssueTokenOutcome;
  cancelCall: { cancelled: boolean };
  getVaultStatus: VaultStatus;
  createProfile: ProfileSummary;
  updateProfile: ProfileSummary;
  duplicateProfile: ProfileSummary;
  deleteProfile: { deleted: string };
  setActiveProfile: { activeProfileId: string };
  exportProfiles: { json: string; count: number };
  importProfiles: { imported: ProfileSummary[] };
  testConnection: ConnectionCheck;
  queryHistory: HistoryPage;
  getHistoryRow: HistoryRow;
  historyCurl: { command: string };
  exportHistory: { text: string; filename: string; count: number };
  deleteHistory: { deleted: number };
  getKeptPhoto: { dataBase64: string };
  getSettings: Settings;
  updateSettings: Settings;
  fetchResult: HistoryRow;
  verifyCallback: CallbackCheck;
  getSandboxState: SandboxState;
  setSandboxFaults: SandboxState;
  setSandboxMode: SandboxState;
  analysePhoto: PhotoFindings;
  rotatePhoto: { photo: PhotoUpload; width: number; height: number };
  setSandboxDetectFaces: SandboxState;
}

/** What a pasted callback says and whether its signature is genuine. */
export interface CallbackCheck {
  /** Signed with the given profile's secret. */
  valid: boolean;
  /** When not: the name of another profile whose secret does match, if any. */
  matchesProfile?: string;
  message: string;
  /** The decoded `data`, when it is JSON. */
  decoded?: unknown;
  decodeError?: string;
}

/** One callback delivery the sandbox made or served, as its log shows it. */
export interface SandboxCallbackEntry {
  /** Sandbox clock (ms since the epoch) when the attempt ended (notify) or was served (return). */
  at: number;
  kind: 'notify' | 'return';
  url: string;
  method: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** notify: the receiver's HTTP status. return: absent (the browser, not the sandbox, delivers it). */
  status?: number;
  /** notify: the network error or timeout, when there was no answer. */
  error?: string;
  /** notify: from sending to the end of the answer (or the error). */
  latencyMs?: number;
  /** The `data` string exactly as sent, and its sign. */
  data: string;
  sign: string;
}

/** Something the sandbox accepted (or, strict, refused) without the vendor's word on it. */
export interface SandboxTrustEntry {
  /** Sandbox clock, ms since the epoch. */
  at: number;
  endpoint: 'get_token' | 'get_result';
  /** The parameter name, or `(body)` for the request's encoding. */
  param: string;
  /** As received (cut to 200 characters; anything secret-like redacted). */
  value: string;
  /** The documented value the sandbox answered as, when it put one in place of the value sent. */
  treatedAs?: string;
  /** Why the vendor has not ruled it out, in a few words. */
  note: string;
  /** false: noted and refused (strict mode). */
  accepted: boolean;
  biz_no?: string;
}

export interface SandboxState {
  baseUrl: string;
  faults: SandboxFaultPlan | null;
  callbacks: SandboxCallbackEntry[];
  /** Lenient: values the vendor has not ruled out are accepted and logged in `trusted`. */
  lenient: boolean;
  /** Newest last (the last 100). */
  trusted: SandboxTrustEntry[];
  /** Reference photos go through the face detector (setSandboxDetectFaces). */
  detectFaces: boolean;
}

export type ApiRequest<K extends OpName> = z.input<(typeof requestSchemas)[K]>;

/** The API as both shells expose it to the renderer. */
export type ConsoleApi = { [K in OpName]: (request: ApiRequest<K>) => Promise<Result<ApiResponses[K]>> };
