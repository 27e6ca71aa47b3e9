import { describe, expect, it } from 'vitest';
import type { HistoryRow } from '../../core/history';
import { compareCalls } from '../../renderer/features/history/compare';

const row = (over: Partial<HistoryRow>): HistoryRow => ({
  id: 1,
  startedAt: 0,
  status: 'issued',
  profileName: 'Sandbox',
  environment: 'sandbox',
  bizNo: 'A',
  uuid: 'u',
  comparisonType: '-1',
  callId: 'c',
  profileId: 'sandbox',
  baseUrl: 'http://127.0.0.1',
  operator: '',
  params: { api_key: 'k', api_secret: '[redacted]', biz_no: 'A', uuid: 'u' },
  photos: [],
  clones: [],
  httpStatus: 200,
  responseBody: '{"token":"t1","time_used":3}',
  ...over,
});

describe('comparing two calls', () => {
  it('marks what differs: parameters, photos, status, and body lines', () => {
    const a = row({ photos: [{ param: 'image_ref1', filename: 'a.jpg', sha256: 'aa', bytes: 10, format: 'jpeg', kept: false }] });
    const b = row({
      id: 2,
      status: 'failed',
      httpStatus: 400,
      params: { ...a.params, uuid: 'u2' },
      responseBody: '{"error_message":"MULTIPLE_FACES"}',
      photos: [{ param: 'image_ref1', filename: 'a.jpg', sha256: 'bb', bytes: 10, format: 'jpeg', kept: false }],
    });
    const { lines, body } = compareCalls(a, b);
    const differs = lines.filter((l) => !l.same).map((l) => l.key);
    expect(differs).toEqual(['status', 'HTTP', 'uuid', 'image_ref1']);
    expect(lines.map((l) => l.key)).not.toContain('api_secret');
    expect(
      body
        .filter((p) => p.side === 'b')
        .map((p) => p.text)
        .join(''),
    ).toContain('MULTIPLE_FACES');
    expect(
      body
        .filter((p) => p.side === 'a')
        .map((p) => p.text)
        .join(''),
    ).toContain('"token": "t1"');
  });
  it('finds no difference between a call and itself', () => {
    const a = row({});
    expect(compareCalls(a, a).lines.every((l) => l.same)).toBe(true);
    expect(compareCalls(a, a).body.every((p) => p.side === 'both')).toBe(true);
  });
});
