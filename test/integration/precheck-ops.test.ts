/**
 * The pre-check through the console's handler table (the real worker and detector), its
 * one-click turn staged on the trusted side, and the embedded sandbox's opt-in face detection
 * answering get_token from the photo's content.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhotoRef } from '../../core/api';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { PhotoStage } from '../../main/photos/stage';
import { buildPrecheckFixtures, type PrecheckFixture } from '../support/precheck-fixtures';
import { stage } from '../support/staged-photo';

const dir = mkdtempSync(join(tmpdir(), 'faceid-precheck-'));
/** A small staging area (as the downscale test has), so an eviction takes four photos. */
const STAGED_MAX = 4;
const photoStage = new PhotoStage({ maxPhotos: STAGED_MAX, maxBytes: 64 * 1024 * 1024 });
let app: ConsoleApp;
let fixtures: PrecheckFixture[];
const pick = (name: string): PrecheckFixture => {
  const f = fixtures.find((x) => x.name === name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f;
};

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** The bytes the trusted side holds for a handle (what a call with it sends). */
const stagedBytes = (handle: string): Buffer => {
  const found = photoStage.get(handle);
  if (!found.found) throw new Error(`${handle} is not staged: ${found.reason}`);
  return found.photo.bytes;
};

beforeAll(async () => {
  app = await startConsoleApp({ dataDir: dir, photoStage });
  fixtures = await buildPrecheckFixtures();
}, 60_000);
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** As the renderer does: a photo asked while the detector's first load goes on is asked again. */
const analyse = async (req: Parameters<ConsoleApp['handlers']['analysePhoto']>[0]) => {
  for (;;) {
    const r = await app.handlers.analysePhoto(req);
    if (r.ok || r.error.code !== 'PRECHECK_LOADING') return r;
  }
};

let n = 0;
const issueRef = (ref: PhotoRef, extra: Record<string, string> = {}) =>
  app.handlers.issueToken({
    callId: `precheck-call-${++n}`,
    profileId: 'sandbox',
    params: {
      return_url: 'https://bank.example/r',
      notify_url: 'https://bank.example/n',
      biz_no: `precheck-${n}`,
      comparison_type: '0',
      uuid: 'customer-1',
      ...extra,
    },
    photos: { image_ref1: ref },
  });
const issue = async (photo: Uint8Array, extra: Record<string, string> = {}) => issueRef(await stage(app.handlers, 'ref.jpg', photo), extra);

describe('analysePhoto and rotatePhoto', () => {
  it('answers findings as codes and numbers: several faces in a group photo, none in a grey square', async () => {
    const group = await analyse({ photo: await stage(app.handlers, 'group.jpg', pick('sample3').bytes) });
    expect(group).toMatchObject({
      ok: true,
      value: { likelyAnswer: 'MULTIPLE_FACES', findings: [{ code: 'multiple-faces', action: 'crop-to-one-face' }] },
    });
    const grey = await analyse({ photo: await stage(app.handlers, 'grey.jpg', pick('grey').bytes) });
    expect(grey).toMatchObject({ ok: true, value: { likelyAnswer: 'NO_FACE_FOUND', faceCount: 0, findings: [{ code: 'no-face' }] } });
    // With fail_when_ref_multiple_faces=0 the service uses the largest face.
    const largest = await analyse({
      photo: await stage(app.handlers, 'group.jpg', pick('sample3').bytes),
      context: { multiOrientedDetection: false, failWhenMultipleFaces: false },
    });
    expect(largest).toMatchObject({ ok: true, value: { likelyAnswer: 'OK', findings: [{ code: 'multiple-faces', severity: 'advice' }] } });
  });

  it('refuses what is no image, and a turn other than a quarter, naming the field', async () => {
    expect(await app.handlers.analysePhoto({ photo: await stage(app.handlers, 'x.jpg', new TextEncoder().encode('hello')) })).toMatchObject(
      { ok: false, error: { code: 'PRECHECK_UNDECODABLE', field: 'photo' } },
    );
    expect(
      await app.handlers.rotatePhoto({ photo: await stage(app.handlers, 'x.jpg', pick('grey').bytes), degrees: 45 } as never),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'degrees' } });
    expect(
      await app.handlers.rotatePhoto({ photo: await stage(app.handlers, 'x.jpg', new TextEncoder().encode('hello')), degrees: 90 }),
    ).toMatchObject({ ok: false, error: { code: 'PRECHECK_UNDECODABLE' } });
  });

  it('turns a photo by a quarter: sides swapped, a JPEG named after the original, staged as a new handle', async () => {
    const source = pick('document-text').bytes;
    const from = await stage(app.handlers, 'scan.png', source);
    const r = await app.handlers.rotatePhoto({ photo: from, degrees: 90 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({
      width: 480,
      height: 640,
      photo: { name: 'scan-rotated.jpg', facts: { format: 'jpeg', width: 480, height: 640 } },
      originalSha256: sha(source),
    });
    expect(r.value.photo.handle).not.toBe(from.handle);
    expect((await sharp(stagedBytes(r.value.photo.handle)).metadata()).format).toBe('jpeg');
  });
});

describe('rotatePhoto stages the turned photo where it is turned', () => {
  /** 80×40, white, with a red block over the top-left 40×20: where it lands tells which way it turned. */
  const marked = () =>
    sharp({ create: { width: 80, height: 40, channels: 3, background: '#ffffff' } })
      .composite([{ input: { create: { width: 40, height: 20, channels: 3, background: '#ff0000' } }, left: 0, top: 0 }])
      .png()
      .toBuffer();
  const pixel = async (bytes: Uint8Array, x: number, y: number) => {
    const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const at = (y * info.width + x) * info.channels;
    return [data[at] ?? -1, data[at + 1] ?? -1, data[at + 2] ?? -1];
  };
  const isRed = ([r, g, b]: number[]) => (r ?? 0) > 200 && (g ?? 255) < 60 && (b ?? 255) < 60;
  const isWhite = (p: number[]) => p.every((c) => c > 230);

  it('answers a handle, the facts and a preview, never the photo: the handle holds the turned JPEG', async () => {
    const source = await marked();
    const r = await app.handlers.rotatePhoto({ photo: await stage(app.handlers, 'block.png', source), degrees: 90 });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const bytes = stagedBytes(r.value.photo.handle);
    // No photo in the answer: the staged reference, its pixel size, the trail and a bounded preview only.
    expect(Object.keys(r.value).sort()).toEqual(['height', 'originalSha256', 'photo', 'preview', 'width']);
    expect(Object.keys(r.value.photo).sort()).toEqual(['evicted', 'facts', 'handle', 'name', 'sha256']);
    expect(JSON.stringify(r)).not.toContain(bytes.toString('base64'));
    expect(JSON.stringify(r)).not.toContain(source.toString('base64'));
    expect(r.value.photo).toMatchObject({
      name: 'block-rotated.jpg',
      sha256: sha(bytes),
      facts: { format: 'jpeg', bytes: bytes.byteLength, width: 40, height: 80 },
    });
    expect(r.value).toMatchObject({ width: 40, height: 80, originalSha256: sha(source) });
    const preview = await sharp(Buffer.from(r.value.preview.dataBase64, 'base64')).metadata();
    expect(preview).toMatchObject({ format: 'jpeg', width: 40, height: 80 });

    // A quarter clockwise: the sides swap, and the top-left block is now at the top right.
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: 40, height: 80 });
    expect(isRed(await pixel(bytes, 30, 10))).toBe(true);
    expect(isWhite(await pixel(bytes, 10, 10))).toBe(true);
    expect(isWhite(await pixel(bytes, 30, 60))).toBe(true);

    // Three quarters: the block is at the bottom left.
    const back = await app.handlers.rotatePhoto({ photo: await stage(app.handlers, 'block.png', source), degrees: 270 });
    if (!back.ok) throw new Error(JSON.stringify(back));
    const turned = stagedBytes(back.value.photo.handle);
    expect(isRed(await pixel(turned, 10, 70))).toBe(true);
    expect(isWhite(await pixel(turned, 30, 10))).toBe(true);
  });

  it('is sent by its handle: the sandbox finds the face only once it is upright, and the history keeps the original SHA-256', async () => {
    const sideways = pick('sample1-face-837-420-turned-270');
    if (!sideways.rotation) throw new Error('the sideways fixture has no rotation');
    const r = await app.handlers.rotatePhoto({
      photo: await stage(app.handlers, 'sideways.jpg', sideways.bytes),
      degrees: sideways.rotation,
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(await app.handlers.setSandboxDetectFaces({ on: true })).toMatchObject({ ok: true, value: { detectFaces: true } });
    try {
      expect(await issue(sideways.bytes)).toMatchObject({ ok: true, value: { outcome: 'failed', error: { code: 'NO_FACE_FOUND' } } });
      const sent = await issueRef({ handle: r.value.photo.handle, originalSha256: r.value.originalSha256 });
      if (!sent.ok || sent.value.outcome !== 'issued') throw new Error(JSON.stringify(sent).slice(0, 400));
      // What the sandbox received is the staged, turned copy.
      expect((await app.sandbox.token(sent.value.token))?.photos.image_ref1).toMatchObject({
        sha256: r.value.photo.sha256,
        bytes: r.value.photo.facts.bytes,
        filename: 'sideways-rotated.jpg',
      });
      const row = await app.handlers.getHistoryRow({ id: sent.value.historyId ?? 0 });
      expect(row.ok && row.value.photos[0]).toMatchObject({ sha256: r.value.photo.sha256, originalSha256: sha(sideways.bytes) });
    } finally {
      await app.handlers.setSandboxDetectFaces({ on: false });
    }
    // Turned again, the trail still names the first scan, not the copy in between.
    const again = await app.handlers.rotatePhoto({
      photo: { handle: r.value.photo.handle, originalSha256: r.value.originalSha256 },
      degrees: 180,
    });
    expect(again).toMatchObject({ ok: true, value: { originalSha256: sha(sideways.bytes) } });
  });

  it('refuses a handle the staging area evicted as a downscale does: PHOTO_NOT_STAGED, the reason, in words', async () => {
    const source = await stage(app.handlers, 'block.png', await marked());
    // The stage holds four photos: four more evict the first.
    for (let i = 0; i < STAGED_MAX; i++) await stage(app.handlers, `other-${i}.jpg`, pick('grey').bytes);
    expect(photoStage.get(source.handle)).toEqual({ found: false, reason: 'evicted' });
    const refused = { ok: false, error: { code: 'PHOTO_NOT_STAGED', reason: 'evicted', words: [expect.anything()] } };
    expect(await app.handlers.rotatePhoto({ photo: source, degrees: 90 })).toMatchObject({
      ...refused,
      error: { ...refused.error, field: 'photo' },
    });
    expect(await app.handlers.downscaleStagedPhoto({ handle: source.handle })).toMatchObject(refused);
  });
});

describe('the embedded sandbox with face detection', () => {
  it('is off by default: a faceless photo gets a token', async () => {
    expect(await app.handlers.getSandboxState({})).toMatchObject({ ok: true, value: { detectFaces: false } });
    expect(await issue(pick('grey').bytes)).toMatchObject({ ok: true, value: { outcome: 'issued' } });
  });

  it('answers NO_FACE_FOUND and MULTIPLE_FACES from the content once switched on, and a token for one face', async () => {
    expect(await app.handlers.setSandboxDetectFaces({ on: true })).toMatchObject({ ok: true, value: { detectFaces: true } });
    expect(await issue(pick('grey').bytes)).toMatchObject({ ok: true, value: { outcome: 'failed', error: { code: 'NO_FACE_FOUND' } } });
    expect(await issue(pick('sample3').bytes)).toMatchObject({ ok: true, value: { outcome: 'failed', error: { code: 'MULTIPLE_FACES' } } });
    expect(await issue(pick('sample3').bytes, { fail_when_ref_multiple_faces: '0' })).toMatchObject({
      ok: true,
      value: { outcome: 'issued' },
    });
    expect(await issue(pick('sample3-face-1515-288').bytes)).toMatchObject({ ok: true, value: { outcome: 'issued' } });
    // A magic uuid still decides first.
    expect(await issue(pick('sample3-face-1515-288').bytes, { uuid: 'sandbox:internal-error' })).toMatchObject({
      ok: true,
      value: { outcome: 'failed', error: { code: 'INTERNAL_ERROR' } },
    });
    expect(await app.handlers.setSandboxDetectFaces({ on: false })).toMatchObject({ ok: true, value: { detectFaces: false } });
    expect(await issue(pick('grey').bytes)).toMatchObject({ ok: true, value: { outcome: 'issued' } });
  });
});
