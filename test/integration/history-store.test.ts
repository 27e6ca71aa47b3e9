import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { curlCommand } from '../../main/history/curl';
import { toCsv, toJson } from '../../main/history/export';
import { HistoryStore } from '../../main/history/store';
import { syntheticEnd, syntheticStart } from '../support/history-rows';
import { redactorOf } from '../../main/vault/redact';

// These rows carry no secret; the redaction itself is tested in history-redaction.test.ts.
const NO_SECRETS = { redact: redactorOf(() => []) };

const T0 = Date.UTC(2026, 10, 29, 8, 0, 0);

describe('history store', () => {
  let dir: string;
  let store: HistoryStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-history-'));
    store = HistoryStore.open(join(dir, 'history.sqlite3'), NO_SECRETS);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const fill = (n: number) => {
    for (let i = 1; i <= n; i++) {
      store.begin(syntheticStart(i, T0 + i * 1000));
      store.complete(syntheticStart(i, T0 + i * 1000).callId, syntheticEnd(i, T0 + i * 1000 + 20));
    }
  };

  it('writes a pending row before the call and completes it after', () => {
    const start = syntheticStart(1, T0);
    store.begin(start);
    expect(store.query({}, T0, 10).rows[0]).toMatchObject({ status: 'pending', bizNo: 'branch-0000001' });
    store.complete(start.callId, syntheticEnd(1, T0 + 20));
    const row = store.get(store.query({}, T0, 10).rows[0]?.id ?? 0);
    expect(row).toMatchObject({ status: 'issued', httpStatus: 200, operator: 'desk-7', params: { api_secret: '[redacted]' } });
  });

  it('turns rows left pending by a crash into unknown outcomes, never deleting them', () => {
    store.begin(syntheticStart(1, T0));
    expect(store.markInterrupted(T0 + 5)).toBe(1);
    expect(store.query({}, T0, 10).rows[0]).toMatchObject({ status: 'unknown', errorCode: 'INTERRUPTED' });
  });

  it('lists newest first with keyset pages and a total', () => {
    fill(25);
    const first = store.query({}, T0, 10);
    expect(first.total).toBe(25);
    expect(first.rows.map((r) => r.bizNo).slice(0, 2)).toEqual(['branch-0000025', 'branch-0000024']);
    const second = store.query({}, T0, 10, first.next);
    expect(second.rows[0]?.bizNo).toBe('branch-0000015');
    const third = store.query({}, T0, 10, second.next);
    expect(third.rows).toHaveLength(5);
    expect(third.next).toBeUndefined();
  });

  it('finds calls by a prefix of biz_no, biz_id, uuid, token or request_id', () => {
    fill(30);
    const target = store.get(store.query({ text: 'branch-0000012' }, T0, 5).rows[0]?.id ?? 0);
    expect(target?.bizNo).toBe('branch-0000012');
    expect(store.query({ text: 'branch-000001' }, T0, 50).total).toBe(10);
    for (const value of [target?.bizId, target?.token, target?.requestId]) {
      const prefix = (value ?? '').slice(0, 20);
      expect(store.query({ text: prefix }, T0, 50).rows.map((r) => r.id)).toContain(target?.id);
    }
    expect(store.query({ text: 'cust-12' }, T0, 50).rows.every((r) => r.uuid.startsWith('cust-12'))).toBe(true);
    expect(store.query({ text: 'nothing-like-this' }, T0, 50).total).toBe(0);
  });

  it('records the clone trail at both ends', () => {
    fill(2);
    const original = store.query({ text: 'branch-0000001' }, T0, 5).rows[0]?.id ?? 0;
    const clone = { ...syntheticStart(3, T0 + 3000), clonedFrom: original };
    store.begin(clone);
    const cloneId = store.idOf(clone.callId) ?? 0;
    expect(store.get(cloneId)).toMatchObject({ clonedFrom: original, clones: [] });
    expect(store.get(original)?.clones).toEqual([cloneId]);
    expect(store.query({}, T0, 1).rows[0]).toMatchObject({ id: cloneId, clonedFrom: original });
  });

  it('filters by profile, status (expired computed), date range and comparison type', () => {
    fill(30);
    expect(store.query({ profileId: 'prod' }, T0, 100).total).toBe(10);
    expect(store.query({ status: 'failed' }, T0, 100).total).toBe(3);
    expect(store.query({ status: 'issued' }, T0, 100).total).toBe(27);
    expect(store.query({ status: 'expired' }, T0 + 2 * 3600_000, 100).total).toBe(27);
    expect(store.query({ from: T0 + 10_000, to: T0 + 20_000 }, T0, 100).total).toBe(10);
    expect(store.query({ comparisonType: '0' }, T0, 100).total).toBe(15);
  });

  it('deletes only the filtered rows, or all of them', () => {
    fill(20);
    expect(store.delete({ status: 'failed' }, T0)).toBe(2);
    expect(store.query({}, T0, 100).total).toBe(18);
    expect(store.delete({}, T0)).toBe(18);
    expect(store.query({}, T0, 100).total).toBe(0);
  });

  it('applies retention by days and by rows', () => {
    fill(20);
    expect(store.applyRetention({ retentionDays: 0, retentionRows: 15 }, T0)).toBe(5);
    expect(store.query({}, T0, 100).rows.at(-1)?.bizNo).toBe('branch-0000006');
    expect(store.applyRetention({ retentionDays: 1, retentionRows: 0 }, T0 + 86_400_000 + 10_500)).toBe(5);
  });

  it('exports filtered rows as CSV and JSON without secrets, photos as hashes', () => {
    fill(3);
    const start = {
      ...syntheticStart(4, T0 + 4000),
      photos: [
        {
          param: 'image_ref1' as const,
          filename: 'me.jpg',
          sha256: 'ab'.repeat(32),
          bytes: 7453,
          width: 320,
          height: 400,
          format: 'jpeg',
          kept: false,
        },
      ],
    };
    store.begin(start);
    store.complete(start.callId, syntheticEnd(4, T0 + 4020));
    const csv = toCsv(store.iterate({}, T0), T0);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(
      'started_at,status,profile,environment,operator,biz_no,biz_id,uuid,comparison_type,token,request_id,expired_time,http_status,error_code,error_field,error_message,photos,params,history_id,cloned_from,verdict,result_status,liveness,ref1_confidence,ref2_confidence,match_level,result_fetches,verify_time,result_fetched_at',
    );
    expect(lines).toHaveLength(5);
    expect(csv).toContain(`image_ref1:sha256=${'ab'.repeat(32)}:7453B`);
    expect(csv).not.toContain('sandbox-secret');
    const json = JSON.parse(toJson(store.iterate({ text: 'branch-0000004' }, T0), T0));
    expect(json).toHaveLength(1);
    expect(json[0].params.api_secret).toBe('[redacted]');
  });

  it('writes a cURL command with every field, files as typed parts and the secret from the environment', () => {
    const cmd = curlCommand(
      {
        baseUrl: 'https://api-idn.megvii.com/',
        params: { api_key: 'k', api_secret: '[redacted]', biz_no: "o'brien", biz_extra_data: '@not-a-file', comparison_type: '0' },
        photos: [{ param: 'image_ref1', filename: 'me.jpg', sha256: 'cd'.repeat(32), bytes: 10, format: 'jpeg', kept: false }],
      },
      { keepOriginal: true },
    );
    expect(cmd).toContain("curl -sS -X POST 'https://api-idn.megvii.com/faceid/lite/get_token'");
    expect(cmd).toContain(`--form-string "api_secret=$FACEID_API_SECRET"`);
    expect(cmd).toContain(`--form-string 'biz_no=o'\\''brien'`);
    expect(cmd).toContain(`--form-string 'biz_extra_data=@not-a-file'`);
    // Not kept: named by its hash, so the agent can find the customer's file.
    expect(cmd).toContain(`-F 'image_ref1=@${'cd'.repeat(32)}.jpg;type=image/jpeg;filename=me.jpg'`);
    expect(cmd).toContain('WARNING: this resends the original biz_no');
    expect(cmd).not.toContain('[redacted]');
  });

  it('keeps every committed row when the writer is killed mid-stream (SIGKILL)', async () => {
    store.close();
    const file = join(dir, 'crash.sqlite3');
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/history-writer.ts', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let committed = 0;
    await new Promise<void>((resolve) => {
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        const last = chunk.trim().split('\n').at(-1);
        if (last) committed = Number(last);
        if (committed >= 300 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(committed).toBeGreaterThanOrEqual(300);
    store = HistoryStore.open(file, NO_SECRETS);
    expect(store.integrityOk()).toBe(true);
    const total = store.query({}, Date.now(), 1).total;
    expect(total).toBeGreaterThanOrEqual(committed);
    expect(store.query({ status: 'pending' }, Date.now(), 1).total).toBeLessThanOrEqual(1);
  });
});
