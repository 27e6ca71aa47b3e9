/**
 * Turns a history filter into SQL. Text search is a prefix match on each looked-up column, done as
 * index range scans (col >= prefix AND col < prefix + U+10FFFF), so it stays fast at 100,000 rows.
 */
import type { HistoryCursor, HistoryFilter } from '../../core/history';

export const SEARCH_COLUMNS = ['biz_id', 'biz_no', 'uuid', 'token', 'request_id'] as const;

export interface SqlWhere {
  sql: string;
  params: Record<string, string | number>;
}

/** WHERE clause (without the keyword; "1" when empty) for a filter at a given time. */
export function whereOf(filter: HistoryFilter, nowMs: number, cursor?: HistoryCursor): SqlWhere {
  const parts: string[] = [];
  const params: Record<string, string | number> = {};
  const text = filter.text?.trim();
  if (text) {
    params.lo = text;
    params.hi = `${text}\u{10FFFF}`;
    parts.push(`id IN (${SEARCH_COLUMNS.map((c) => `SELECT id FROM calls WHERE ${c} >= @lo AND ${c} < @hi`).join(' UNION ')})`);
  }
  if (filter.profileId) {
    parts.push('profile_id = @profileId');
    params.profileId = filter.profileId;
  }
  if (filter.status) {
    params.nowS = Math.floor(nowMs / 1000);
    if (filter.status === 'issued') parts.push("status = 'issued' AND expired_time > @nowS");
    else if (filter.status === 'expired') parts.push("status = 'issued' AND expired_time <= @nowS");
    else {
      parts.push('status = @status');
      params.status = filter.status;
    }
  }
  if (filter.from !== undefined) {
    parts.push('started_at >= @from');
    params.from = filter.from;
  }
  if (filter.to !== undefined) {
    parts.push('started_at < @to');
    params.to = filter.to;
  }
  if (filter.comparisonType) {
    parts.push('comparison_type = @comparisonType');
    params.comparisonType = filter.comparisonType;
  }
  if (filter.verdict === 'not-fetched') parts.push("status = 'issued' AND verdict IS NULL");
  else if (filter.verdict) {
    parts.push('verdict = @verdict');
    params.verdict = filter.verdict;
  }
  if (cursor) {
    parts.push('(started_at < @cursorAt OR (started_at = @cursorAt AND id < @cursorId))');
    params.cursorAt = cursor.startedAt;
    params.cursorId = cursor.id;
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1', params };
}
