import { describe, expect, it } from 'vitest';
import { fetchBudget, fetchCost, RESULT_FETCH_LIMIT, RESULT_RETENTION_MS } from '../../core/faceid/fetch-budget';

const NOW = 1_700_000_000_000;

describe('the get_result budget', () => {
  it('gives three finished fetches, and a poll only while more than one is left', () => {
    const rows = [0, 1, 2, 3].map((fetches) => fetchBudget({ fetches, finished: false, nowMs: NOW }));
    expect(rows.map((b) => b.left)).toEqual([3, 2, 1, 0]);
    expect(rows.map((b) => b.mayFetch)).toEqual([true, true, true, false]);
    expect(rows.map((b) => b.mayPoll)).toEqual([true, true, false, false]);
    expect(rows[3]?.blocked).toBe('limit');
    expect(RESULT_FETCH_LIMIT).toBe(3);
  });

  it('never polls once a finished result is stored', () => {
    expect(fetchBudget({ fetches: 1, finished: true, nowMs: NOW })).toMatchObject({ mayFetch: true, mayPoll: false, left: 2 });
  });

  it('keeps a result one day from the end of the flow, or from the expiry when the end is unknown', () => {
    const ended = fetchBudget({ fetches: 1, finished: true, endedAtMs: NOW - RESULT_RETENTION_MS + 1, nowMs: NOW });
    expect(ended).toMatchObject({ mayFetch: true, keptUntilMs: NOW + 1 });
    expect(fetchBudget({ fetches: 1, finished: true, endedAtMs: NOW - RESULT_RETENTION_MS, nowMs: NOW })).toMatchObject({
      mayFetch: false,
      mayPoll: false,
      blocked: 'retention',
    });
    expect(fetchBudget({ fetches: 0, finished: false, expiredTime: (NOW - RESULT_RETENTION_MS) / 1000 - 1, nowMs: NOW }).blocked).toBe(
      'retention',
    );
    expect(fetchBudget({ fetches: 0, finished: false, nowMs: NOW }).keptUntilMs).toBeUndefined();
  });

  it('reports the limit before the retention when both apply, and never a negative count', () => {
    expect(fetchBudget({ fetches: 5, finished: true, endedAtMs: 0, nowMs: NOW })).toMatchObject({ left: 0, blocked: 'limit' });
  });

  it('charges a finished answer one fetch and a running flow none', () => {
    expect([fetchCost(true), fetchCost(false)]).toEqual([1, 0]);
  });
});
