/**
 * Downscale and clone on the trusted side: a staged photo is fitted within the service's limits
 * by sharp where it is staged, and a kept photo of the history is staged from its stored copy;
 * in both cases a handle, the facts and a small preview come back, never the photo's bytes.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_LIMITS } from '../../core/faceid/catalogue';
import { photoFacts } from '../../core/faceid/photo';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { PREVIEW_MAX_SIDE } from '../../main/photos/downscale';
import { PhotoStage } from '../../main/photos/stage';
import { startWebShell, type WebShell } from '../../main/web/server';
import { makeBigJpeg, makeJpeg, makePng } from '../fixtures/images';
import { stage } from '../support/staged-photo';

const face = readFileSync('test/fixtures/face.jpg');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('photos downscaled and cloned on the trusted side', () => {
  let dir: string;
  let app: ConsoleApp;
  let shell: WebShell;
  let calls = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-downscale-'));
    app = await startConsoleApp({ dataDir: join(dir, 'data'), photoStage: new PhotoStage({ maxPhotos: 4, maxBytes: 32 * 1024 * 1024 }) });
    shell = await startWebShell({ handlers: app.handlers, rendererDir: join(dir, 'renderer') });
  });
  afterAll(async () => {
    await shell.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const issue = (photos: Record<string, { handle: string }>, extra: { clonedFrom?: number } = {}) =>
    app.handlers.issueToken({
      callId: `downscale-call-${++calls}`,
      profileId: 'sandbox',
      params: {
        return_url: 'https://bank.example/r',
        notify_url: 'https://bank.example/n',
        biz_no: `downscale-${calls}-${Date.now()}`,
        comparison_type: '0',
        uuid: 'downscale-customer',
      },
      photos,
      ...extra,
    });
  const issued = async (photos: Record<string, { handle: string }>, extra: { clonedFrom?: number } = {}) => {
    const r = await issue(photos, extra);
    if (!r.ok || r.value.outcome !== 'issued') throw new Error(JSON.stringify(r).slice(0, 400));
    return r.value;
  };
  const sandboxPhoto = async (token: string) => (await app.sandbox.token(token))?.photos.image_ref1;

  it('fits a photo over 2 MB within the limits as a new handle whose facts and hash are those of the bytes the service receives', async () => {
    const big = makeBigJpeg();
    expect(big.byteLength).toBeGreaterThan(IMAGE_LIMITS.maxBytes);
    const source = await stage(app.handlers, 'big scan.jpg', big);
    const r = await app.handlers.downscaleStagedPhoto({ handle: source.handle });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const { photo, preview, fitted } = r.value;
    expect(photo.handle).not.toBe(source.handle);
    expect(photo.name).toBe('big scan-fitted.jpg');
    expect(photo.facts.format).toBe('jpeg');
    expect(photo.facts.bytes).toBeLessThanOrEqual(IMAGE_LIMITS.maxBytes);
    expect(Math.max(photo.facts.width ?? 0, photo.facts.height ?? 0)).toBeLessThanOrEqual(IMAGE_LIMITS.maxSide);
    expect({ width: photo.facts.width, height: photo.facts.height }).toEqual(fitted);
    // The answer carries no photo: only a preview far smaller than the fitted copy.
    expect(JSON.stringify(r).length).toBeLessThan(photo.facts.bytes / 4);
    const shown = await sharp(Buffer.from(preview.dataBase64, 'base64')).metadata();
    expect(shown.format).toBe('jpeg');
    expect(Math.max(shown.width ?? 0, shown.height ?? 0)).toBeLessThanOrEqual(PREVIEW_MAX_SIDE);

    // What is sent with the new handle is exactly the staged copy the facts describe.
    const sent = await sandboxPhoto((await issued({ image_ref1: { handle: photo.handle } })).token);
    expect(sent?.sha256).toBe(photo.sha256);
    // The source is still staged until the form drops it (and, over 2 MB, the sandbox refuses it: why it was fitted).
    expect(await issue({ image_ref1: source })).toMatchObject({
      ok: true,
      value: { outcome: 'failed', error: { code: 'REQUEST_ENTITY_TOO_LARGE' } },
    });
  });

  it('brings a side over 4096 px within the limit, keeps the aspect ratio, and honours smaller limits asked for', async () => {
    const wide = await stage(app.handlers, 'wide.jpg', makeJpeg(5000, 500));
    const r = await app.handlers.downscaleStagedPhoto({ handle: wide.handle });
    expect(r).toMatchObject({ ok: true, value: { photo: { facts: { format: 'jpeg', width: 4096, height: 410 } } } });
    const small = await app.handlers.downscaleStagedPhoto({ handle: wide.handle, maxSide: 640, maxBytes: 64 * 1024 });
    if (!small.ok) throw new Error(JSON.stringify(small));
    expect(small.value.photo.facts).toMatchObject({ width: 640, height: 64 });
    expect(small.value.photo.facts.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it('converts a transparent PNG to a JPEG on white', async () => {
    const png = await stage(app.handlers, 'logo.png', makePng(120, 90));
    const r = await app.handlers.downscaleStagedPhoto({ handle: png.handle });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.value.photo).toMatchObject({ name: 'logo-fitted.jpg', facts: { format: 'jpeg', width: 120, height: 90 } });
  });

  it('refuses bytes that are no image, and a handle that is gone, by code with words', async () => {
    const junk = await stage(app.handlers, 'notes.jpg', new TextEncoder().encode('not an image at all'));
    expect(await app.handlers.downscaleStagedPhoto({ handle: junk.handle })).toMatchObject({
      ok: false,
      error: { code: 'PHOTO_UNDECODABLE', words: [{ ns: 'errors', key: 'photo.undecodable' }] },
    });
    await app.handlers.dropPhoto(junk);
    expect(await app.handlers.downscaleStagedPhoto({ handle: junk.handle })).toMatchObject({
      ok: false,
      error: { code: 'PHOTO_NOT_STAGED', reason: 'dropped' },
    });
  });

  it('stages a kept photo from its stored copy for a clone: same SHA-256, sent again without the renderer holding it', async () => {
    expect(await app.handlers.updateSettings({ settings: { keepPhotos: true } })).toMatchObject({ ok: true });
    const first = await issued({ image_ref1: await stage(app.handlers, 'me.jpg', face) });
    const row = await app.handlers.getHistoryRow({ id: first.historyId ?? 0 });
    if (!row.ok) throw new Error(JSON.stringify(row));
    const kept = row.value.photos[0];
    expect(kept).toMatchObject({ param: 'image_ref1', kept: true, sha256: sha(face) });

    const r = await app.handlers.stageKeptPhoto({ sha256: kept?.sha256 ?? '', name: kept?.filename ?? '' });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.value.photo).toMatchObject({ name: 'me.jpg', sha256: sha(face), facts: photoFacts(face) });
    expect(r.value.preview.dataBase64.length).toBeGreaterThan(0);

    const clone = await issued({ image_ref1: { handle: r.value.photo.handle } }, { clonedFrom: first.historyId });
    expect((await sandboxPhoto(clone.token))?.sha256).toBe(sha(face));
    const cloned = await app.handlers.getHistoryRow({ id: clone.historyId ?? 0 });
    expect(cloned.ok && cloned.value.clonedFrom).toBe(first.historyId);

    expect(await app.handlers.stageKeptPhoto({ sha256: 'a'.repeat(64), name: 'x.jpg' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', words: [{ ns: 'errors', key: 'photo.notKept' }] },
    });
  });

  it('downscales through the browser shell with a JSON request: the answer holds the handle, not the photo', async () => {
    const origin = `http://127.0.0.1:${shell.port}`;
    const staged = await stage(app.handlers, 'big.jpg', makeBigJpeg());
    const res = await fetch(`${origin}/api/downscaleStagedPhoto`, {
      method: 'POST',
      headers: { 'X-FaceID-Console-Token': shell.token, Origin: origin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ handle: staged.handle }),
    });
    const text = await res.text();
    const answer = JSON.parse(text) as { ok: boolean; value: { photo: { handle: string; facts: { bytes: number } } } };
    expect(answer).toMatchObject({ ok: true, value: { photo: { handle: expect.stringMatching(/^ph_/) } } });
    expect(text.length).toBeLessThan(answer.value.photo.facts.bytes / 4);
  });
});
