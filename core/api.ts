/**
 * The console's own API: every operation the renderer may ask of the trusted side. One table of
 * request schemas (validated at runtime at the boundary, since the renderer is untrusted input)
 * and one map of response types. The Electron shell binds it to ipcMain, the browser shell to
 * HTTP routes; the preload and the web bridge expose exactly these names.
 */
import { z } from 'zod';
import type { HistoryPage, HistoryRow } from './history';
import { HistoryCursorSchema, HistoryFilterSchema, SettingsSchema, type Settings } from './history-schemas';
import { MAX_PHOTO_BYTES } from './limits';
import { ClientTimeoutSchema } from './client-timeout';
import { OP_NAMES, type OpName } from './ops';
import { FAULT_MODES, FAULT_OPERATIONS, MAX_FAULT_LATENCY_MS, MAX_FAULT_REMAINING } from './sandbox-faults';
import type { ErrorSpec } from './faceid/errors';
import type { ParamSpec } from './faceid/catalogue';
import type { GetTokenResult } from './faceid/get-token-result';
import type { PhotoFacts } from './faceid/photo';
import { DeskSettingsSchema, type CallWatch, type DeskSettings } from './desk';
import type { FieldIssue, Result } from './result';
import type { MessageRef } from './i18n/render';
import { TeamSettingsSchema, type QuarantinedCall, type TeamStatus } from './team';
import type { PhotoFindings } from './precheck/findings';

/**
 * A reference photo as it crosses the boundary, once, when the operator drops it: its bytes (a
 * Uint8Array by structured clone over IPC; an application/octet-stream body in the browser shell)
 * and a display name. The trusted side keeps it and answers a handle (StagedPhotoInfo).
 */
export const StagePhotoRequestSchema = z
  .object({
    name: z.string().max(255),
    bytes: z
      .custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'the photo must be bytes (a Uint8Array)' })
      .refine((b) => b.byteLength > 0, 'the photo is empty (0 bytes)')
      .refine((b) => b.byteLength <= MAX_PHOTO_BYTES, `a photo may be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB`),
  })
  .strict();
export type StagePhotoRequest = z.infer<typeof StagePhotoRequestSchema>;

/** A staged photo's handle, as stagePhoto answered it. */
export const PhotoHandleSchema = z.string().regex(/^ph_[A-Za-z0-9_-]{16,64}$/, 'a photo handle as stagePhoto answered it (ph_…)');

/** A reference photo in a request: the handle of a staged photo (stagePhoto). */
export const PhotoRefSchema = z
  .object({
    handle: PhotoHandleSchema,
    /** When the photo was cropped or rotated before staging: the SHA-256 of the original scan or capture, kept with the call. */
    originalSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'a SHA-256 as 64 lowercase hex digits')
      .optional(),
  })
  .strict();
export type PhotoRef = z.infer<typeof PhotoRefSchema>;

export const IssueTokenRequestSchema = z
  .object({
    /** Chosen by the caller so the call can be cancelled while in flight. */
    callId: z.string().min(8).max(64),
    profileId: z.string().min(1).max(64),
    params: z.record(z.string().max(64), z.string().max(65_536)),
    photos: z.object({ image_ref1: PhotoRefSchema.optional(), image_ref2: PhotoRefSchema.optional() }).strict(),
    /** The history row this call was cloned or replayed from: recorded as its trail. */
    clonedFrom: z.number().int().positive().optional(),
    /** ...or the team call (any desk's, by its team id) it was cloned or replayed from: recorded with its origin desk. */
    clonedFromTeam: z.number().int().positive().optional(),
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
    /** Omitted: keep the stored desk settings (or the defaults). */
    desk: DeskSettingsSchema.optional(),
    /** The client's timeout for this profile's calls, ms; omitted: keep the stored one (or 30 s). */
    timeoutMs: ClientTimeoutSchema.optional(),
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
  /** Keeps a photo on the trusted side (bounded: see main/photos/stage.ts) and answers its handle. */
  stagePhoto: StagePhotoRequestSchema,
  /** Forgets a staged photo (removed or replaced in the form). */
  dropPhoto: z.object({ handle: PhotoHandleSchema }).strict(),
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
  queryHistory: z
    .object({ filter: HistoryFilterSchema, cursor: HistoryCursorSchema.optional(), limit: z.number().int().min(1).max(500) })
    .strict(),
  /** `scope` "branch" or "all": `id` is a team row's id (from a team-scope query). */
  getHistoryRow: z.object({ id: z.number().int().positive(), scope: z.enum(['desk', 'branch', 'all']).optional() }).strict(),
  /** A fresh biz_no unless `keepBizNo` (the service expects biz_no unique; the command then warns). */
  historyCurl: z
    .object({ id: z.number().int().positive(), keepBizNo: z.boolean().optional(), scope: z.enum(['desk', 'branch', 'all']).optional() })
    .strict(),
  /** `all: true` deletes everything; otherwise the rows matching the filter. */
  deleteHistory: z.union([z.object({ all: z.literal(true) }).strict(), z.object({ filter: HistoryFilterSchema }).strict()]),
  getKeptPhoto: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  getSettings: z.object({}).strict(),
  /** Changes the given settings and keeps the others, so two panels never undo each other's change. */
  updateSettings: z.object({ settings: SettingsSchema.partial() }).strict(),
  /**
   * get_result for an issued token's row; the answer is stored in the row at once. With a team
   * scope, `historyId` is a team call's id (any desk's that this role may read): the result is
   * fetched with this desk's own profile (`profileId`, else the one of the same id or base URL)
   * and published to the team row, where the issuing desk adopts it.
   */
  fetchResult: z
    .object({
      historyId: z.number().int().positive(),
      scope: z.enum(['desk', 'branch', 'all']).optional(),
      profileId: ProfileId.optional(),
    })
    .strict(),
  /** Checks a callback's `sign` against the profile's secret, which never leaves the trusted side. */
  verifyCallback: z.object({ profileId: ProfileId, data: z.string().max(1_000_000), sign: z.string().max(200) }).strict(),
  getSandboxState: z.object({}).strict(),
  /** This machine's LAN (non-internal IPv4) addresses and which one the embedded sandbox also serves on. */
  getSandboxLan: z.object({}).strict(),
  /** Also serve the embedded sandbox on one of those addresses, for a phone on the branch Wi-Fi (null: loopback only). For this launch only. */
  setSandboxLan: z.object({ address: z.string().max(64).nullable() }).strict(),
  setSandboxFaults: z.object({ plan: SandboxFaultPlanSchema.nullable() }).strict(),
  /** Strict (default) or lenient embedded sandbox; kept with the built-in profile across restarts. */
  setSandboxMode: z.object({ lenient: z.boolean() }).strict(),
  /** The team history's settings (never the password) and the publisher's backlog and last error. */
  getTeamStatus: z.object({}).strict(),
  /** A new password replaces the stored one; without it the stored one stays. */
  updateTeamSettings: z
    .object({ settings: TeamSettingsSchema, password: z.string().min(1).max(1024).optional(), acceptUnprotected: z.boolean().optional() })
    .strict(),
  /** The calls the team server refused for good: list them, put them back in the queue, or drop them from it. */
  teamOutbox: z.object({ action: z.enum(['list', 'retry', 'discard']), globalId: z.string().uuid().optional() }).strict(),
  /** The live status of these calls (the desk polls it; it never costs a vendor call unless the profile allows budgeted polling). */
  watchCalls: z.object({ historyIds: z.array(z.number().int().positive()).max(100) }).strict(),
  /** The best frame of a finished flow, fetched once with return_image=1 and held in memory only (unless photos are kept). */
  getBestImage: z.object({ historyId: z.number().int().positive() }).strict(),
  /** The desktop app saves the shown record as PDF (printToPDF); the browser shell answers USE_BROWSER_PRINT. */
  saveRecordPdf: z.object({ historyId: z.number().int().positive() }).strict(),
  /**
   * The photo pre-check: findings for one photo as a reference image of a call with these
   * parameters. `photo` is a staged photo's handle, as issueToken takes it.
   */
  analysePhoto: z
    .object({
      photo: PhotoRefSchema,
      context: z.object({ multiOrientedDetection: z.boolean(), failWhenMultipleFaces: z.boolean() }).strict().optional(),
    })
    .strict(),
  /**
   * A staged photo turned clockwise on the trusted side (pre-check's one-click fix), re-encoded
   * once as JPEG and staged there: a new handle, its facts and a small preview come back, never
   * the photo's bytes. `photo.originalSha256`, when the photo was itself cropped or turned, carries
   * the trail on.
   */
  rotatePhoto: z.object({ photo: PhotoRefSchema, degrees: z.union([z.literal(90), z.literal(180), z.literal(270)]) }).strict(),
  /** The embedded sandbox answers NO_FACE_FOUND / MULTIPLE_FACES from the photos' content (opt-in). */
  setSandboxDetectFaces: z.object({ on: z.boolean() }).strict(),
  saveHistoryExport: z.object({ filter: HistoryFilterSchema, format: z.enum(['csv', 'json']) }).strict(),
  /**
   * A staged photo re-encoded on the trusted side as a JPEG within the service's limits (defaults:
   * IMAGE_LIMITS): a new handle, its facts and a small preview come back, never the photo's bytes.
   */
  downscaleStagedPhoto: z
    .object({
      handle: PhotoHandleSchema,
      maxSide: z.number().int().min(64).max(8192).optional(),
      maxBytes: z
        .number()
        .int()
        .min(16 * 1024)
        .max(MAX_PHOTO_BYTES)
        .optional(),
    })
    .strict(),
  /** A photo the history kept (by its SHA-256), staged from the stored copy on the trusted side: a clone never carries its bytes. */
  stageKeptPhoto: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: z.string().max(255) }).strict(),
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
  /** The desk's settings for this profile. */
  desk: DeskSettings;
  /** The client's timeout for this profile's calls, ms (absent: CLIENT_TIMEOUT_DEFAULT_MS). */
  timeoutMs?: number;
}

export interface VaultStatus {
  activeProfileId: string;
  protection: { level: 'os' | 'key-file' | 'none'; backend: string; explanation: MessageRef };
  /** Where profiles are stored. */
  path: string;
}

export interface ConnectionCheck {
  ok: boolean;
  /** authenticated | authentication-failed | authorization-failed | network | unexpected */
  verdict: 'authenticated' | 'authentication-failed' | 'authorization-failed' | 'network' | 'unexpected';
  /** What the check found, by reference (namespaces `console`, `errors`), shown in the operator's language. */
  words: MessageRef[];
  elapsedMs: number;
}

export interface CatalogueDescription {
  params: readonly ParamSpec[];
  errors: readonly ErrorSpec[];
  notifyPorts: readonly number[];
  imageLimits: { maxBytes: number; maxSide: number };
}

/** A photo as the staging area keeps it, without its bytes. */
export interface StagedPhotoInfo {
  handle: string;
  name: string;
  sha256: string;
  facts: PhotoFacts;
  /** Handles the staging area let go of to make room (their forms stage again before a call). */
  evicted: string[];
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
  stagePhoto: StagedPhotoInfo;
  dropPhoto: { dropped: boolean };
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
  historyCurl: { command: string; bizNo: string; keptBizNo: boolean };
  deleteHistory: { deleted: number };
  getKeptPhoto: { dataBase64: string };
  getSettings: Settings;
  updateSettings: Settings;
  fetchResult: HistoryRow;
  verifyCallback: CallbackCheck;
  getSandboxState: SandboxState;
  setSandboxFaults: SandboxState;
  setSandboxMode: SandboxState;
  getTeamStatus: TeamStatus;
  updateTeamSettings: TeamStatus;
  teamOutbox: { quarantined: QuarantinedCall[]; changed: number };
  watchCalls: CallWatch[];
  getBestImage: { dataBase64: string | null };
  saveRecordPdf: { saved: boolean; filename?: string };
  analysePhoto: PhotoFindings;
  rotatePhoto: RotatedPhoto;
  setSandboxDetectFaces: SandboxState;
  /**
   * The export streamed on the trusted side: into a file the operator chose (desktop save dialog),
   * or, in the browser shell, a one-time download URL that streams it. No export text crosses the bridge.
   */
  saveHistoryExport: SavedExport;
  getSandboxLan: SandboxLan;
  setSandboxLan: SandboxLan;
  downscaleStagedPhoto: StagedPhotoWithPreview & { fitted: { width: number; height: number }; elapsedMs: number };
  stageKeptPhoto: StagedPhotoWithPreview;
}

/**
 * A photo staged by the trusted side itself (downscaled, or from the history's kept copy): the
 * renderer never had these bytes, so it shows a bounded JPEG preview (≤ 480 px, base64).
 */
export interface StagedPhotoWithPreview {
  photo: StagedPhotoInfo;
  preview: { dataBase64: string };
}

/**
 * A photo turned and staged on the trusted side: its handle and facts (name, size, SHA-256 of the
 * turned bytes), its pixel size, and the SHA-256 of the photo it was turned from (or of the scan
 * that one was cropped or turned from), which the call sends as the photo's `originalSha256`.
 */
export type RotatedPhoto = StagedPhotoWithPreview & { width: number; height: number; originalSha256: string };

/** Where the embedded sandbox can be reached: always loopback; also a LAN address once the operator chose one. */
export interface SandboxLan {
  /** The loopback base URL (what the built-in profile calls). */
  baseUrl: string;
  /** This machine's non-internal IPv4 addresses, with their interface's name. */
  addresses: Array<{ address: string; interface: string }>;
  /** The LAN address served now, or null (loopback only). */
  address: string | null;
  /** The base URL on that address, which links and QR codes then use. */
  lanBaseUrl: string | null;
}

export type SavedExport =
  | { kind: 'saved'; filename: string; count: number }
  | { kind: 'download'; url: string; filename: string; count: number; countCapped: boolean }
  | { kind: 'cancelled' }
  | { kind: 'empty' };

/** What a pasted callback says and whether its signature is genuine. */
export interface CallbackCheck {
  /** Signed with the given profile's secret. */
  valid: boolean;
  /** When not: the name of another profile whose secret does match, if any. */
  matchesProfile?: string;
  /** The verdict by reference (namespace `console`), shown in the operator's language. */
  words: MessageRef[];
  /** The decoded `data`, when it is JSON. */
  decoded?: unknown;
  /** Why `data` could not be decoded, by reference. */
  decodeError?: MessageRef;
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
  /** The history row of the call this callback is about (by its biz_id), when it is in this desk's history. */
  historyId?: number;
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
  /** Why the vendor has not ruled it out, in a few words, by reference (namespace `console`, `trust.*`). */
  note: MessageRef;
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
  /** The magic uuids and what each forces (the panel's scenes). */
  scenes?: SandboxScene[];
}

/** A magic uuid of the sandbox and the answer it forces. */
export interface SandboxScene {
  uuid: string;
  /** An error code, or a transport fault (reset, proxy-502, trickle, latency). */
  answer: string;
  httpStatus?: number;
  /** Acts only when a reference image is examined (comparison_type=0). */
  needsReference?: boolean;
  /** For latency: the longest the sandbox holds an answer back, ms. */
  maxLatencyMs?: number;
}

export type ApiRequest<K extends OpName> = z.input<(typeof requestSchemas)[K]>;

/** The API as both shells expose it to the renderer. */
export type ConsoleApi = { [K in OpName]: (request: ApiRequest<K>) => Promise<Result<ApiResponses[K]>> };
