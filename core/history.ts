/**
 * The token history as the renderer sees it: one row per get_token call, successful, failed or of
 * unknown outcome. Shapes only; the database is on the trusted side.
 */
import type { ExchangeRecord } from './faceid/exchange-record';
import type { EndStage } from './faceid/flow-status';
import type { ThresholdKey } from './faceid/verification';
import type { HistoryCursor, Settings } from './history-schemas';

export type { HistoryCursor, HistoryFilter, Settings } from './history-schemas';

export type CallStatus = 'pending' | 'issued' | 'failed' | 'unknown';
/** What the list shows: an issued token past its expiry is "expired". */
export type DisplayStatus = 'pending' | 'issued' | 'expired' | 'failed' | 'unknown';

export interface HistoryPhoto {
  param: 'image_ref1' | 'image_ref2';
  filename: string;
  sha256: string;
  bytes: number;
  width?: number;
  height?: number;
  format: string | null;
  /** The bytes are stored too (only when the operator keeps photos). */
  kept: boolean;
  /** The photo was cropped or rotated from an original (an ID-card scan, a camera frame) with this SHA-256. */
  originalSha256?: string;
}

/** A row of the list: enough to find a call, without the request and response bodies. */
export interface HistoryListRow {
  id: number;
  startedAt: number;
  status: CallStatus;
  profileName: string;
  environment: string;
  bizNo: string;
  bizId?: string;
  uuid: string;
  token?: string;
  expiredTime?: number;
  errorCode?: string;
  comparisonType: string;
  /** Status of the stored verification result, if one was fetched. */
  resultStatus?: string;
  /** Team rows only (scope "branch" or "all"): the branch and desk that made the call. */
  branch?: string;
  desk?: string;
  /** The history row this call was cloned from ("cloned from #N"). */
  clonedFrom?: number;
  /** The verification model's end stage, once a finished result is stored. */
  verdict?: EndStage;
}

/** A team call that a call was cloned or replayed from: its team id, global id and origin. */
export interface TeamOrigin {
  id: number;
  globalId: string;
  branch: string;
  desk: string;
}

/** The verification result as the console last fetched it. */
export interface StoredResult {
  /** The service's answer (VerificationData), images removed unless photos are kept. */
  data: Record<string, unknown>;
  status: string;
  /** get_result answers this console has used (the service gives three). */
  fetches: number;
  fetchedAt: number;
  /** sha256 of the best image when it was returned and kept. */
  bestImageSha256?: string;
  /** The model's end stage for a finished result, read at `level` (the profile's match level then). */
  verdict?: EndStage;
  level?: ThresholdKey;
}

// get_result's budget (three finished answers, one day) is defined once, with the model that reads it.
export { RESULT_FETCH_LIMIT, RESULT_RETENTION_MS } from './faceid/fetch-budget';

/** A whole call: everything sent (secret redacted) and everything received. */
export interface HistoryRow extends HistoryListRow {
  result?: StoredResult;
  callId: string;
  finishedAt?: number;
  profileId: string;
  baseUrl: string;
  operator: string;
  /** The branch of the profile's desk settings when the call was made ('' or absent: none). */
  branch?: string;
  params: Record<string, string>;
  photos: HistoryPhoto[];
  httpStatus?: number;
  responseBody?: string;
  requestId?: string;
  timeUsed?: number;
  elapsedMs?: number;
  errorField?: string;
  errorMessage?: string;
  /** Rows cloned (or replayed) from this one, oldest first: the other end of their trail. */
  clones: number[];
  /** Cloned from a team call (any desk's): where it came from. */
  clonedFromTeam?: TeamOrigin;
  /** Team rows: the desk of the call this one was cloned from (`clonedFrom` is then its team id). */
  clonedFromDesk?: string;
  /** Team rows: the branch of that call, as recorded when the row was published (schema 3). */
  clonedFromBranch?: string;
  /** Request line, headers and the client's phase timings (calls made before they were recorded have none). */
  exchange?: ExchangeRecord;
}

/** Display status of a row at a given time (ms). */
export function displayStatus(row: Pick<HistoryListRow, 'status' | 'expiredTime'>, nowMs: number): DisplayStatus {
  if (row.status === 'issued' && row.expiredTime !== undefined && row.expiredTime * 1000 <= nowMs) return 'expired';
  return row.status;
}

export interface HistoryPage {
  rows: HistoryListRow[];
  /** Rows matching the filter (at most the cap when `totalCapped`). */
  total: number;
  /** More rows match than were counted. */
  totalCapped: boolean;
  /** Pass back to get the next (older) page; absent on the last page. */
  next?: HistoryCursor;
}

/** Shortest search word found anywhere in a value (trigrams); shorter ones match the start of an id. */
export const SEARCH_MIN_FRAGMENT = 3;

export const DEFAULT_SETTINGS: Settings = {
  operator: '',
  keepPhotos: false,
  retentionDays: 0,
  retentionRows: 0,
  language: 'auto',
  historyColumns: {},
};
