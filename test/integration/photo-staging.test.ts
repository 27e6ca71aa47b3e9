import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { PhotoStage } from '../../main/photos/stage';
import { startWebShell, type WebShell } from '../../main/web/server';
import { makeJpeg } from '../fixtures/images';
import { stage } from '../support/staged-photo';
import { errorSaid } from '../support/messages';

const face = readFileSync('test/fixtures/face.jpg');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const params = (bizNo: string) => ({
  return_url: 'https://bank.example/r',
  notify_url: 'https://bank.example/n',
  biz_no: bizNo,
  comparison_type: '0',
  uuid: 'staging-customer',
});

describe('photo staging', () => {
  let dir: string;
  let app: ConsoleApp;
  let shell: WebShell;
  let calls = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-staging-'));
    // Three photos at most, so eviction is easy to reach.
    app = await startConsoleApp({ dataDir: join(dir, 'data'), photoStage: new PhotoStage({ maxPhotos: 3, maxBytes: 8 * 1024 * 1024 }) });
    shell = await startWebShell({ handlers: app.handlers, rendererDir: join(dir, 'renderer') });
  });
  afterAll(async () => {
    await shell.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const issue = (photos: Record<string, { handle: string }>) =>
    app.handlers.issueToken({ callId: `staging-call-${++calls}`, profileId: 'sandbox', params: params(`staging-${calls}`), photos });
  const sandboxSha = async (token: string, name: 'image_ref1' | 'image_ref2') => (await app.sandbox.token(token))?.photos[name]?.sha256;

  it('sends byte-identical photos: the sandbox sees the SHA-256 of the staged bytes, on the first call and on a resend with the same handles', async () => {
    const other = makeJpeg(400, 300);
    const refs = { image_ref1: await stage(app.handlers, 'me.jpg', face), image_ref2: await stage(app.handlers, 'id-card.jpg', other) };
    for (let attempt = 0; attempt < 2; attempt++) {
      const r = await issue(refs);
      if (!r.ok || r.value.outcome !== 'issued') throw new Error(JSON.stringify(r));
      expect(await sandboxSha(r.value.token, 'image_ref1')).toBe(sha(face));
      expect(await sandboxSha(r.value.token, 'image_ref2')).toBe(sha(other));
      const row = await app.handlers.getHistoryRow({ id: r.value.historyId ?? 0 });
      expect(row.ok && row.value.photos.map((p) => [p.param, p.sha256, p.bytes, p.filename])).toEqual([
        ['image_ref1', sha(face), face.byteLength, 'me.jpg'],
        ['image_ref2', sha(other), other.byteLength, 'id-card.jpg'],
      ]);
    }
  });

  it('answers the facts of a staged photo, found once: SHA-256, format and pixel size', async () => {
    const r = await app.handlers.stagePhoto({ name: 'wide.jpg', bytes: makeJpeg(640, 200) });
    expect(r).toMatchObject({ ok: true, value: { name: 'wide.jpg', facts: { format: 'jpeg', width: 640, height: 200 } } });
    const bad = await app.handlers.stagePhoto({ name: 'empty.jpg', bytes: new Uint8Array() });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'bytes' } });
    if (!bad.ok) {
      expect(bad.error.words?.[0]).toMatchObject({ ns: 'console', key: 'request.invalidAt', params: { op: 'stagePhoto', where: 'bytes' } });
      expect(errorSaid(bad.error)).toContain('empty');
    }
  });

  it('keeps at most the cap, evicting the least recently used, and refuses an evicted handle by name before sending anything', async () => {
    const first = await stage(app.handlers, 'first.jpg', face);
    const second = await stage(app.handlers, 'second.jpg', face);
    const third = await stage(app.handlers, 'third.jpg', face);
    // Using the first marks it recent, so the second is the one to go.
    expect(await issue({ image_ref1: first })).toMatchObject({ ok: true, value: { outcome: 'issued' } });
    const fourth = await app.handlers.stagePhoto({ name: 'fourth.jpg', bytes: face });
    expect(fourth.ok && fourth.value.evicted).toEqual([second.handle]);
    const before = await app.sandbox.tokenCount();
    const refused = await issue({ image_ref1: third, image_ref2: second });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PHOTO_NOT_STAGED', field: 'image_ref2', reason: 'evicted' } });
    expect(await app.sandbox.tokenCount()).toBe(before);
    expect(await issue({ image_ref1: first })).toMatchObject({ ok: true, value: { outcome: 'issued' } });
  });

  it('evicts by memory as well as by count', () => {
    const s = new PhotoStage({ maxPhotos: 10, maxBytes: 1000 });
    const a = s.put('a', new Uint8Array(600));
    const b = s.put('b', new Uint8Array(600));
    expect(b.evicted).toEqual([a.photo.handle]);
    expect(s.usage()).toEqual({ photos: 1, bytes: 600 });
    expect(s.get(a.photo.handle)).toEqual({ found: false, reason: 'evicted' });
  });

  it('refuses a dropped handle with a clear error, and a handle it never gave as unknown', async () => {
    const ref = await stage(app.handlers, 'drop-me.jpg', face);
    expect(await app.handlers.dropPhoto(ref)).toEqual({ ok: true, value: { dropped: true } });
    expect(await app.handlers.dropPhoto(ref)).toEqual({ ok: true, value: { dropped: false } });
    const dropped = await issue({ image_ref1: ref });
    expect(dropped).toMatchObject({ ok: false, error: { code: 'PHOTO_NOT_STAGED', field: 'image_ref1', reason: 'dropped' } });
    if (!dropped.ok) {
      expect(dropped.error.words).toEqual([
        { ns: 'errors', key: 'issue.photoNotStaged', params: { field: 'image_ref1', reason: 'dropped' } },
      ]);
      expect(errorSaid(dropped.error, 'id')).toContain('image_ref1');
    }
    expect(await issue({ image_ref1: { handle: 'ph_neverGivenOut0000000000' } })).toMatchObject({
      ok: false,
      error: { code: 'PHOTO_NOT_STAGED', reason: 'unknown' },
    });
    expect(await issue({ image_ref1: { handle: 'not a handle' } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', field: 'photos.image_ref1.handle' },
    });
  });

  describe('through the browser shell', () => {
    const origin = () => `http://127.0.0.1:${shell.port}`;
    const post = (op: string, body: Uint8Array | string, headers: Record<string, string>) =>
      fetch(`${origin()}/api/${op}`, {
        method: 'POST',
        headers: { 'X-FaceID-Console-Token': shell.token, Origin: origin(), ...headers },
        body,
      });

    it('uploads a photo as application/octet-stream and issues with its handle; the sandbox sees the same bytes', async () => {
      const res = await post('stagePhoto', face, {
        'Content-Type': 'application/octet-stream',
        'X-FaceID-Photo-Name': encodeURIComponent('Façade ü.jpg'),
      });
      const staged = (await res.json()) as { ok: boolean; value: { handle: string; name: string; sha256: string } };
      expect(staged).toMatchObject({ ok: true, value: { name: 'Façade ü.jpg', sha256: sha(face) } });
      const issued = await post(
        'issueToken',
        JSON.stringify({
          callId: 'staging-web-1',
          profileId: 'sandbox',
          params: params('staging-web-1'),
          photos: { image_ref1: { handle: staged.value.handle } },
        }),
        { 'Content-Type': 'application/json' },
      );
      const r = (await issued.json()) as { ok: boolean; value: { outcome: string; token: string } };
      expect(r).toMatchObject({ ok: true, value: { outcome: 'issued' } });
      expect(await sandboxSha(r.value.token, 'image_ref1')).toBe(sha(face));
    });

    it('refuses a photo sent as JSON with 415 saying how to send it, one over 12 MB with 413, and a bad name header with 400', async () => {
      const asJson = await post('stagePhoto', JSON.stringify({ name: 'x.jpg', bytes: {} }), { 'Content-Type': 'application/json' });
      expect(asJson.status).toBe(415);
      const refusal = ((await asJson.json()) as { error: { code: string; message: string } }).error;
      expect(errorSaid(refusal)).toContain('application/octet-stream');
      const big = await post('stagePhoto', new Uint8Array(12 * 1024 * 1024 + 1), { 'Content-Type': 'application/octet-stream' });
      expect(big.status).toBe(413);
      const badName = await post('stagePhoto', face, { 'Content-Type': 'application/octet-stream', 'X-FaceID-Photo-Name': '%E0%A4%A' });
      expect(badName.status).toBe(400);
      expect(errorSaid(((await badName.json()) as { error: { code: string; message: string } }).error, 'zh')).toContain(
        'X-FaceID-Photo-Name',
      );
    });
  });
});
