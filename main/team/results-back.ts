/**
 * Results flowing back: a result fetched later on another desk of the branch updates the team row
 * (the upsert keeps the newest completed state); the desk that issued the token reads such rows
 * back into its own history here, each time the publisher has drained its outbox. It reads its own
 * desk's rows published since the last sync point (kept in the local database, a little before the
 * newest seen, since transactions commit in another order than they stamp `published_at`), page by
 * page in (published_at, global_id) order, and adopts a result only when it ranks higher than its own.
 */
import type { ClientBase } from 'pg';
import type { StoredResult } from '../../core/history';
import type { Outbox } from '../history/outbox';
import { redactDeep, type Redactor } from '../vault/redact';
import { resultRank } from './payload';

const SYNC_POINT = 'results_read_back_ms';
/** Rows published this long before the newest seen are read again (commit order ≠ stamp order). */
const OVERLAP_MS = 10_000;
const PAGE = 500;

const QUERY = `SELECT global_id, result, published_at::text AS pub, (extract(epoch FROM published_at) * 1000)::bigint AS pub_ms
FROM faceid_team.calls
WHERE desk = (SELECT faceid_team.my_desk()) AND result IS NOT NULL
  AND (published_at, global_id) > ($1::timestamptz, $2::uuid)
ORDER BY published_at, global_id LIMIT ${PAGE}`;

/** Reads back what other desks published for this desk's calls; returns how many rows changed here. */
export async function adoptTeamResults(client: ClientBase, outbox: Outbox, redact: Redactor): Promise<number> {
  const since = outbox.syncPoint(SYNC_POINT);
  let after = { pub: new Date(Math.max(0, since - OVERLAP_MS)).toISOString(), id: '00000000-0000-0000-0000-000000000000' };
  let newest = since;
  let adopted = 0;
  for (;;) {
    const res = await client.query<{ global_id: string; result: StoredResult; pub: string; pub_ms: string }>(QUERY, [after.pub, after.id]);
    for (const r of res.rows) {
      if (outbox.adoptResult(r.global_id, redactDeep(r.result, redact), resultRank)) adopted++;
      newest = Math.max(newest, Number(r.pub_ms));
    }
    const last = res.rows[res.rows.length - 1];
    if (!last || res.rows.length < PAGE) break;
    after = { pub: last.pub, id: last.global_id };
  }
  if (newest > since) outbox.setSyncPoint(SYNC_POINT, newest);
  return adopted;
}
