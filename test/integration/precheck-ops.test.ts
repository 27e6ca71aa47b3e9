/**
 * The pre-check through the console's handler table (the real worker and detector), and the
 * embedded sandbox's opt-in face detection answering get_token from the photo's content.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { buildPrecheckFixtures, type PrecheckFixture } from '../support/precheck-fixtures';
import { stage } from '../support/staged-photo';

const dir = mkdtempSync(join(tmpdir(), 'faceid-precheck-'));
let app: ConsoleApp;
let fixtures: PrecheckFixture[];
const pick = (name: string): PrecheckFixture => {
  const f = fixtures.find((x) => x.name === name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f;
};

beforeAll(async () => {
  app = await startConsoleApp({ dataDir: dir });
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
const issue = async (photo: Uint8Array, extra: Record<string, string> = {}) =>
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
    photos: { image_ref1: await stage(app.handlers, 'ref.jpg', photo) },
  });

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

  it('turns a photo by a quarter: sides swapped, a JPEG named after the original', async () => {
    const source = pick('document-text').bytes;
    const r = await app.handlers.rotatePhoto({ photo: await stage(app.handlers, 'scan.png', source), degrees: 90 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ width: 480, height: 640, photo: { name: 'scan-rotated.jpg' } });
    expect((await sharp(Buffer.from(r.value.photo.dataBase64, 'base64')).metadata()).format).toBe('jpeg');
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
