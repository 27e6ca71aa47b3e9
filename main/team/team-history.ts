/**
 * The team store answering the history's own query shape (HistoryFilter, cursor, HistoryPage), so
 * the History view and the CLI ask a local or a team store through the same operations. The
 * scope narrows what row-level security already allows: "desk" the connected desk's own calls,
 * "branch" its branch's, "all" everything the role may read (support: every branch). Text search
 * is a fragment (substring, any letter case) over biz_id, biz_no, uuid, token and request_id,
 * served by a pg_trgm GIN index.
 */
import type { ClientBase } from 'pg';
import type { CallStatus, HistoryCursor, HistoryFilter, HistoryListRow, HistoryPage } from '../../core/history';

export type TeamScope = 'desk' | 'branch' | 'all';

/** Filtered counts stop here, as in the local store. */
const COUNT_CAP = 10_000;

/** A list row with where it came from. */
export interface TeamListRow extends HistoryListRow {
  branch: string;
  desk: string;
}

function whereOf(filter: HistoryFilter, scope: TeamScope, nowMs: number, cursor?: HistoryCursor): { sql: string; values: unknown[] } {
  const parts: string[] = [];
  const values: unknown[] = [];
  const v = (x: unknown) => {
    values.push(x);
    return `$${values.length}`;
  };
  if (scope === 'desk') parts.push('desk = faceid_team.my_desk()');
  if (scope === 'branch') parts.push('branch = faceid_team.my_branch()');
  const text = filter.text?.trim();
  if (text) parts.push(`search_text ILIKE ${v(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (filter.profileId) parts.push(`profile_id = ${v(filter.profileId)}`);
  if (filter.status) {
    const nowS = Math.floor(nowMs / 1000);
    if (filter.status === 'issued') parts.push(`status = 'issued' AND expired_time > ${v(nowS)}`);
    else if (filter.status === 'expired') parts.push(`status = 'issued' AND expired_time <= ${v(nowS)}`);
    else parts.push(`status = ${v(filter.status)}`);
  }
  if (filter.from !== undefined) parts.push(`started_at >= ${v(filter.from)}`);
  if (filter.to !== undefined) parts.push(`started_at < ${v(filter.to)}`);
  if (filter.comparisonType) parts.push(`comparison_type = ${v(filter.comparisonType)}`);
  if (cursor) parts.push(`(started_at, id) < (${v(cursor.startedAt)}, ${v(cursor.id)})`);
  return { sql: parts.length > 0 ? parts.join(' AND ') : 'true', values };
}

const COLUMNS = 'id, started_at, status, profile_name, environment, biz_no, biz_id, uuid, token, expired_time, error_code, comparison_type, result_status, branch, desk';

function listRow(r: Record<string, unknown>): TeamListRow {
  const opt = (x: unknown) => (x === null || x === undefined ? undefined : x);
  return {
    id: Number(r.id),
    startedAt: Number(r.started_at),
    status: r.status as CallStatus,
    profileName: String(r.profile_name),
    environment: String(r.environment),
    bizNo: String(r.biz_no),
    bizId: opt(r.biz_id) as string | undefined,
    uuid: String(r.uuid),
    token: opt(r.token) as string | undefined,
    expiredTime: r.expired_time === null ? undefined : Number(r.expired_time),
    errorCode: opt(r.error_code) as string | undefined,
    comparisonType: String(r.comparison_type),
    resultStatus: opt(r.result_status) as string | undefined,
    branch: String(r.branch),
    desk: String(r.desk),
  };
}

/** A page of the team list, newest first, in the local store's shape. */
export async function teamQuery(client: ClientBase, filter: HistoryFilter, scope: TeamScope, nowMs: number, limit: number, cursor?: HistoryCursor): Promise<HistoryPage & { rows: TeamListRow[] }> {
  const where = whereOf(filter, scope, nowMs, cursor);
  const res = await client.query(`SELECT ${COLUMNS} FROM faceid_team.calls WHERE ${where.sql} ORDER BY started_at DESC, id DESC LIMIT ${Math.max(1, Math.floor(limit)) + 1}`, where.values);
  const rows = res.rows.map(listRow);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const counted = whereOf(filter, scope, nowMs);
  const n = await client.query<{ n: string }>(`SELECT count(*) AS n FROM (SELECT 1 FROM faceid_team.calls WHERE ${counted.sql} LIMIT ${COUNT_CAP + 1}) AS m`, counted.values);
  const total = Number(n.rows[0]?.n ?? 0);
  return { rows: page, total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP, next: rows.length > limit && last ? { startedAt: last.startedAt, id: last.id } : undefined };
}
