import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startConsoleApp } from '../../main/app/console-app';
import { HistoryStore } from '../../main/history/store';
import { REDACTED, redactorOf, secretForms } from '../../main/vault/redact';
import { syntheticEnd, syntheticStart } from '../support/history-rows';

// A secret with characters that take other forms when URL-encoded, JSON- or HTML-escaped.
const SECRET = 'Old "sec" <&> +/ret=9';
const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);

/** Every text column of every row, joined: what someone copying the file could read. */
function fileText(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT * FROM calls').all() as Record<string, unknown>[];
    return rows
      .map((r) =>
        Object.values(r)
          .filter((v) => typeof v === 'string')
          .join('\u0001'),
      )
      .join('\n');
  } finally {
    db.close();
  }
}

describe('history secret scrub (rows written before the redaction knew the secret)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-scrub-'));
    file = join(dir, 'history.sqlite3');
    // An older console: it did not know the secret, so an upstream's echo was stored as it came.
    const old = HistoryStore.open(file, { redact: redactorOf(() => []) });
    for (let i = 1; i <= 10; i++) {
      const start = syntheticStart(i, T0 + i * 1000);
      const echoes = i % 3 === 0;
      old.begin(echoes ? { ...start, params: { ...start.params, biz_extra_data: `note ${SECRET} end` } } : start);
      const end = syntheticEnd(i, T0 + i * 1000 + 20);
      old.complete(
        start.callId,
        echoes
          ? {
              ...end,
              status: 'failed',
              httpStatus: 400,
              errorCode: 'BAD_ARGUMENTS',
              errorField: 'api_secret',
              errorMessage: `BAD_ARGUMENTS: api_secret ${SECRET} (${encodeURIComponent(SECRET)})`,
              responseBody: JSON.stringify({ error_message: 'BAD_ARGUMENTS', echo: SECRET }),
            }
          : end,
      );
    }
    old.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rewrites exactly the rows holding a known secret, in every form, and leaves the rest as they were', async () => {
    // Stored raw in the text columns, JSON-escaped inside the JSON ones, URL-encoded in a message.
    const before = fileText(file);
    for (const form of [SECRET, JSON.stringify(SECRET).slice(1, -1), encodeURIComponent(SECRET)]) expect(before).toContain(form);
    const untouched = (() => {
      const s = HistoryStore.open(file, { redact: redactorOf(() => []) });
      try {
        return s.get(s.query({ text: 'branch-0000001' }, T0, 1).rows[0]?.id ?? 0);
      } finally {
        s.close();
      }
    })();

    const store = HistoryStore.open(file, { redact: redactorOf(() => [SECRET]) });
    try {
      // Small batches, so the scrub crosses batch boundaries and yields between them.
      expect(await store.scrubSecrets([SECRET], { batch: 3 })).toBe(3);
      const text = fileText(file);
      for (const form of secretForms(SECRET)) expect(text).not.toContain(form);
      expect(text).toContain(REDACTED);

      const echoed = store.get(store.query({ text: 'branch-0000003' }, T0, 1).rows[0]?.id ?? 0);
      expect(echoed?.params.biz_extra_data).toBe(`note ${REDACTED} end`);
      expect(JSON.parse(echoed?.responseBody ?? '{}')).toEqual({ error_message: 'BAD_ARGUMENTS', echo: REDACTED });
      expect(echoed?.errorMessage).toBe(`BAD_ARGUMENTS: api_secret ${REDACTED} (${REDACTED})`);
      // The search index follows: the secret's words no longer find the row, its biz_no still does.
      expect(store.query({ text: 'sec" <&>' }, T0, 10).total).toBe(0);
      expect(store.query({ text: 'BRANCH-0000003' }, T0, 10).total).toBe(1);

      expect(store.get(untouched?.id ?? 0)).toEqual(untouched);
      expect(store.query({}, T0, 50).total).toBe(10);
      // A second pass finds nothing left to do.
      expect(await store.scrubSecrets([SECRET])).toBe(0);
      expect(store.integrityOk()).toBe(true);
    } finally {
      store.close();
    }
  });

  it('does nothing for secrets too short to redact, or none at all', async () => {
    const store = HistoryStore.open(file, { redact: redactorOf(() => []) });
    try {
      expect(await store.scrubSecrets([])).toBe(0);
      expect(await store.scrubSecrets(['Old'])).toBe(0);
      expect(fileText(file)).toContain(encodeURIComponent(SECRET));
    } finally {
      store.close();
    }
  });
});

describe('the console scrubs stored secrets at start', () => {
  let dir: string;
  beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'faceid-scrub-app-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rewrites a row that holds a profile secret the vault knows, and says so in the log', async () => {
    const secret = 'profile-secret-echoed-7';
    const first = await startConsoleApp({ dataDir: dir });
    try {
      const created = await first.handlers.createProfile({
        profile: { name: 'Echo', color: '#3182ce', environment: 'test', region: 'idn', apiKey: 'k-echo', secret, defaults: {} },
      });
      expect(created).toMatchObject({ ok: true });
    } finally {
      await first.close();
    }
    // A row as a console without the boundary redaction would have left it.
    const file = join(dir, 'history.sqlite3');
    const old = HistoryStore.open(file, { redact: redactorOf(() => []) });
    const start = syntheticStart(1, T0);
    old.begin(start);
    old.complete(start.callId, { ...syntheticEnd(1, T0 + 20), responseBody: `{"echo":"${secret}"}` });
    old.close();
    expect(fileText(file)).toContain(secret);

    const lines: string[] = [];
    const second = await startConsoleApp({ dataDir: dir, log: (l) => lines.push(l) });
    try {
      await expect.poll(() => lines.some((l) => l.includes('1 stored call(s) still held a known secret'))).toBe(true);
      expect(fileText(file)).not.toContain(secret);
      expect(lines.join('\n')).not.toContain(secret);
    } finally {
      await second.close();
    }
  });
});
