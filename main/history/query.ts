/**
 * Turns a history filter into SQL. Text search finds any fragment of three characters or more,
 * in any letter case, in biz_no, uuid, biz_id, token, request_id, error code and field,
 * biz_extra_data, profile and operator (the calls_search FTS5 trigram index). Several words must
 * all match. A word of one or two characters is too short for trigrams: it matches the start of an
 * id (biz_id, biz_no, uuid, token, request_id) as typed, in upper or in lower case, by index
 * range scans — an agent typing "LO" is on the way to "LOAN-…", and a full scan per keystroke of
 * 100,000 rows would stall the list.
 *
 * A fragment search is driven by the index in row-id order, newest row first, so its first page
 * costs the same whether the fragment is in ten rows or in all of them. Row ids grow with the time
 * a call started (the row is written as the call begins), so this is the list's order too; only a
 * system clock set back between two calls could show them in the order they were made rather than
 * by their clock times, which is the truer order for an agent anyway.
 */
import { SEARCH_MIN_FRAGMENT, type HistoryCursor, type HistoryFilter } from '../../core/history';

export const PREFIX_COLUMNS = ['biz_id', 'biz_no', 'uuid', 'token', 'request_id'] as const;

/** An FTS5 phrase: the word quoted, its quotes doubled, so no character is query syntax. */
const phrase = (word: string) => `"${word.replace(/"/g, '""')}"`;

function textParts(text: string, params: Record<string, string | number>): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const long = words.filter((w) => [...w].length >= SEARCH_MIN_FRAGMENT);
  const short = words.filter((w) => [...w].length < SEARCH_MIN_FRAGMENT);
  const parts: string[] = [];
  if (long.length > 0) {
    params.fts = long.map(phrase).join(' AND ');
    parts.push('calls_search MATCH @fts');
  }
  short.forEach((word, i) => {
    const variants = [...new Set([word, word.toUpperCase(), word.toLowerCase()])];
    const scans: string[] = [];
    variants.forEach((v, j) => {
      params[`lo${i}_${j}`] = v;
      params[`hi${i}_${j}`] = `${v}\u{10FFFF}`;
      for (const c of PREFIX_COLUMNS) scans.push(`SELECT id FROM calls WHERE ${c} >= @lo${i}_${j} AND ${c} < @hi${i}_${j}`);
    });
    parts.push(`calls.id IN (${scans.join(' UNION ')})`);
  });
  return parts;
}

export interface SqlWhere {
  /** The FROM clause: calls, or the search index joined to calls (columns qualified `calls.`). */
  from: string;
  sql: string;
  params: Record<string, string | number>;
  /** ORDER BY clause, newest first. */
  order: string;
}

const BY_INDEX = 'calls_search JOIN calls ON calls.id = calls_search.rowid';

/** WHERE clause (without the keyword; "1" when empty) for a filter at a given time. */
export function whereOf(filter: HistoryFilter, nowMs: number, cursor?: HistoryCursor): SqlWhere {
  const parts: string[] = [];
  const params: Record<string, string | number> = {};
  const text = filter.text?.trim();
  if (text) parts.push(...textParts(text, params));
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
  if (filter.uuid !== undefined) {
    parts.push('calls.uuid = @uuid');
    params.uuid = filter.uuid;
  }
  if (filter.bizNoPrefix) {
    parts.push('calls.biz_no >= @bnLo AND calls.biz_no < @bnHi');
    params.bnLo = filter.bizNoPrefix;
    params.bnHi = `${filter.bizNoPrefix}\u{10FFFF}`;
  }
  if (filter.comparisonType) {
    parts.push('comparison_type = @comparisonType');
    params.comparisonType = filter.comparisonType;
  }
  if (filter.verdict === 'not-fetched') parts.push("calls.status = 'issued' AND calls.verdict IS NULL");
  else if (filter.verdict) {
    parts.push('calls.verdict = @verdict');
    params.verdict = filter.verdict;
  }
  const indexed = params.fts !== undefined;
  if (cursor && indexed) {
    parts.push('calls.id < @cursorId');
    params.cursorId = cursor.id;
  } else if (cursor) {
    parts.push('(started_at < @cursorAt OR (started_at = @cursorAt AND calls.id < @cursorId))');
    params.cursorAt = cursor.startedAt;
    params.cursorId = cursor.id;
  }
  return {
    from: indexed ? BY_INDEX : 'calls',
    sql: parts.length > 0 ? parts.join(' AND ') : '1',
    params,
    order: indexed ? 'calls_search.rowid DESC' : 'started_at DESC, calls.id DESC',
  };
}
