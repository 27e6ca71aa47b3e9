/**
 * The real client against the real sandbox on 127.0.0.1:0: tokens, and every documented error the
 * sandbox can produce. Argument cases are derived from the catalogue, so a new parameter is
 * covered without editing this file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARAMS, type ParamSpec } from '../../core/faceid/catalogue';
import { getToken, type GetTokenCall, type GetTokenResult, type PhotoPart } from '../../main/faceid/client';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';
import { makeBigJpeg, makePng } from '../fixtures/images';

const KEY = 'it-key';
const SECRET = 'it-secret';
const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/${name}`));
const part = (bytes: Uint8Array, filename = 'face.jpg', contentType = 'image/jpeg'): PhotoPart => ({ bytes, filename, contentType });
const face = fixture('face.jpg');
const facePhoto = part(face);
const ID_SHAPE = /^\d{10},[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SPECS = PARAMS as readonly ParamSpec[];

let seq = 0;
const liveness = (): Record<string, string> => ({
  return_url: 'https://bank.example/return',
  notify_url: 'https://bank.example/notify',
  biz_no: `it-${++seq}`,
  comparison_type: '-1',
  uuid: 'customer-1',
});

describe('sandbox get_token through the real client', () => {
  let sandbox: Sandbox;
  const call = (over: Partial<GetTokenCall> = {}): Promise<GetTokenResult> =>
    getToken({ baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET, params: liveness(), photos: {}, ...over });
  /** A valid request with `params` on top; comparison requests get a photo unless given. */
  const send = (params: Record<string, string>, photos?: GetTokenCall['photos']) => {
    const merged = { ...liveness(), ...params };
    const comparing = merged.comparison_type === '0';
    return call({ params: merged, photos: photos ?? (comparing ? { image_ref1: facePhoto } : {}) });
  };
  const expectRefusal = async (p: Promise<GetTokenResult>, status: number, message: string, field?: string) => {
    const r = await p;
    expect(r.outcome, `${message}: ${JSON.stringify(r)}`).toBe('failed');
    if (r.outcome !== 'failed') return;
    expect(r.httpStatus).toBe(status);
    expect(r.error.serviceMessage).toBe(message);
    expect(r.error.code).toBe(message.split(':')[0]);
    expect(r.error.requestId).toMatch(ID_SHAPE);
    if (field !== undefined) expect(r.error.field).toBe(field);
    const body = JSON.parse(r.rawBody ?? '') as Record<string, unknown>;
    expect(Number.isInteger(body.time_used)).toBe(true);
  };
  const expectIssued = async (p: Promise<GetTokenResult>, what: string) => {
    const r = await p;
    expect(r.outcome, `${what}: ${JSON.stringify(r)}`).toBe('issued');
    return r;
  };

  beforeAll(async () => {
    sandbox = await createSandbox({ apiKey: KEY, apiSecret: SECRET });
  });
  afterAll(() => sandbox.close());

  describe('tokens', () => {
    it('issues a liveness-only token of the documented shape', async () => {
      const before = Math.floor(Date.now() / 1000);
      const r = await call();
      expect(r.outcome).toBe('issued');
      if (r.outcome !== 'issued') return;
      expect(r.httpStatus).toBe(200);
      expect(r.token).toMatch(/^[0-9a-f]{32}$/);
      expect(r.biz_id).toMatch(ID_SHAPE);
      expect(r.request_id).toMatch(ID_SHAPE);
      expect(r.expired_time).toBeGreaterThanOrEqual(before + 3600);
      expect(r.expired_time).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 3600);
      expect(Number.isInteger(r.time_used)).toBe(true);
      expect(Object.keys(JSON.parse(r.rawBody) as object).sort()).toEqual(['biz_id', 'expired_time', 'request_id', 'time_used', 'token']);
    });

    it('keeps each issued token with its parameters, never the secret, and photo hashes only', async () => {
      const png = makePng(40, 40);
      const r = await send(
        { comparison_type: '0', uuid: 'cust-7', biz_extra_data: 'desk 4' },
        { image_ref1: facePhoto, image_ref2: part(png, 'f.png', 'image/png') },
      );
      if (r.outcome !== 'issued') throw new Error(JSON.stringify(r));
      const kept = sandbox.tokens.get(r.token);
      expect(kept).toMatchObject({ token: r.token, biz_id: r.biz_id, expired_time: r.expired_time, used: false });
      expect(kept?.params).toMatchObject({ api_key: KEY, uuid: 'cust-7', biz_extra_data: 'desk 4', comparison_type: '0' });
      expect(kept?.params.api_secret).toBeUndefined();
      expect(JSON.stringify(kept)).not.toContain(SECRET);
      expect(kept?.photos.image_ref1).toEqual({
        sha256: createHash('sha256').update(face).digest('hex'),
        bytes: face.length,
        filename: 'face.jpg',
      });
      expect(kept?.photos.image_ref2?.bytes).toBe(png.length);
    });

    it('issues comparison tokens for a JPEG and for a PNG reference photo', async () => {
      await expectIssued(send({ comparison_type: '0' }, { image_ref1: facePhoto }), 'jpeg');
      await expectIssued(send({ comparison_type: '0' }, { image_ref1: part(fixture('face.png'), 'face.png', 'image/png') }), 'png');
    });

    it('accepts a repeated biz_no with a new token each time', async () => {
      const a = await expectIssued(send({ biz_no: 'same-biz-no' }), 'first');
      const b = await expectIssued(send({ biz_no: 'same-biz-no' }), 'second');
      if (a.outcome === 'issued' && b.outcome === 'issued') {
        expect(a.token).not.toBe(b.token);
        expect(a.biz_id).not.toBe(b.biz_id);
      }
    });

    it('ignores parameter names the service does not know', async () => {
      const r = await expectIssued(send({ idcard_name: 'Budi', web_title: 'x'.repeat(500) }), 'unknown names');
      if (r.outcome === 'issued') expect(sandbox.tokens.get(r.token)?.params.idcard_name).toBe('Budi');
    });

    it('accepts reference images with comparison_type=-1 without examining them', async () => {
      await expectIssued(send({}, { image_ref1: part(fixture('not-an-image.jpg')) }), 'ignored image');
    });
  });

  describe('MISSING_ARGUMENTS', () => {
    it('names each parameter the catalogue always requires, credentials first', async () => {
      await expectRefusal(call({ apiKey: '' }), 400, 'MISSING_ARGUMENTS: api_key', 'api_key');
      await expectRefusal(call({ apiSecret: '' }), 400, 'MISSING_ARGUMENTS: api_secret', 'api_secret');
      const always = SPECS.filter((s) => s.required === 'always' && s.group !== 'credential').map((s) => s.name);
      expect(always).toEqual(['return_url', 'notify_url', 'biz_no', 'comparison_type', 'uuid']);
      for (const name of always) {
        const params = liveness();
        delete params[name];
        await expectRefusal(call({ params }), 400, `MISSING_ARGUMENTS: ${name}`, name);
        await expectRefusal(call({ params: { ...liveness(), [name]: '' } }), 400, `MISSING_ARGUMENTS: ${name}`, name);
      }
    });

    it('requires uuid with comparison_type -1 as well as 0, as the seed lists it under both', async () => {
      for (const comparison_type of ['-1', '0']) {
        const params: Record<string, string> = { ...liveness(), comparison_type };
        delete params.uuid;
        await expectRefusal(call({ params, photos: { image_ref1: facePhoto } }), 400, 'MISSING_ARGUMENTS: uuid', 'uuid');
        await expectRefusal(send({ comparison_type, uuid: '' }), 400, 'MISSING_ARGUMENTS: uuid', 'uuid');
      }
    });

    it('requires one reference photo of the two with comparison_type=0 only', async () => {
      const onePhoto = SPECS.filter((s) => s.required === 'one-photo-with-comparison').map((s) => s.name);
      expect(onePhoto).toEqual(['image_ref1', 'image_ref2']);
      await expectRefusal(send({ comparison_type: '0' }, {}), 400, 'MISSING_ARGUMENTS: image_ref1', 'image_ref1');
      await expectRefusal(
        send({ comparison_type: '0' }, { image_ref1: part(new Uint8Array(0)) }),
        400,
        'MISSING_ARGUMENTS: image_ref1',
        'image_ref1',
      );
      // The seed asks for image_ref[x], 1 ≤ x ≤ 2: the second photo alone is enough (inferred).
      await expectIssued(send({ comparison_type: '0' }, { image_ref2: facePhoto }), 'comparison with image_ref2 only');
      await expectIssued(send({ comparison_type: '-1' }), 'liveness with a uuid and no photo');
    });

    it('names the first missing parameter in catalogue order', async () => {
      await expectRefusal(call({ params: { comparison_type: '-1' } }), 400, 'MISSING_ARGUMENTS: return_url', 'return_url');
      await expectRefusal(
        call({ params: { return_url: 'https://a.example/', comparison_type: '-1' } }),
        400,
        'MISSING_ARGUMENTS: notify_url',
      );
    });
  });

  describe('BAD_ARGUMENTS', () => {
    /** Values the catalogue says the service refuses, parameter by parameter. */
    function badValues(spec: ParamSpec): string[] {
      const bad: string[] = [];
      // Under the limit in characters, over it in UTF-8 bytes: 43 × "€" = 129 bytes for biz_no.
      if (spec.maxBytes !== undefined && spec.kind !== 'file') bad.push('€'.repeat(Math.floor(spec.maxBytes / 3) + 1));
      if (spec.kind === 'enum') bad.push('not-a-listed-value', ' 0');
      if (spec.kind === 'integer' && spec.range) bad.push(String(spec.range.min - 1), String(spec.range.max + 1), '2.5', 'ten', '-5');
      if (spec.kind === 'url') bad.push('not-a-url', '/relative/path', 'ftp://bank.example/x', 'https:bank.example', 'javascript:alert(1)');
      if (spec.ports) bad.push('https://bank.example:8443/n', 'http://bank.example/n', 'https://bank.example:80/n');
      if (spec.name === 'scene_id') bad.push('no-such-scene', 'constructor', '__proto__');
      return bad;
    }

    it('refuses every value the catalogue rules out, naming the parameter', async () => {
      let cases = 0;
      for (const spec of SPECS.filter((s) => s.group !== 'credential' && s.kind !== 'file')) {
        for (const value of badValues(spec)) {
          cases++;
          await expectRefusal(send({ [spec.name]: value }), 400, `BAD_ARGUMENTS: ${spec.name}`, spec.name);
        }
      }
      expect(cases).toBeGreaterThan(40);
    });

    it('accepts every value the catalogue lists, the limits themselves, and each callback port', async () => {
      for (const spec of SPECS.filter((s) => s.group !== 'credential' && s.kind !== 'file')) {
        for (const v of spec.values ?? []) await expectIssued(send({ [spec.name]: v.value }), `${spec.name}=${v.value}`);
        if (spec.maxBytes !== undefined) await expectIssued(send({ [spec.name]: 'a'.repeat(spec.maxBytes) }), `${spec.name} at its limit`);
        if (spec.range) {
          await expectIssued(send({ [spec.name]: String(spec.range.min) }), `${spec.name} min`);
          await expectIssued(send({ [spec.name]: String(spec.range.max) }), `${spec.name} max`);
        }
        for (const port of spec.ports ?? [])
          await expectIssued(send({ [spec.name]: `http://bank.example:${port}/n` }), `${spec.name} port ${port}`);
      }
    });

    it('accepts action_http_method in any letter case', async () => {
      for (const value of ['get', 'Post', 'GET']) await expectIssued(send({ action_http_method: value }), value);
    });

    it('gives each scene its timeout, counted from the call', async () => {
      for (const [scene, seconds] of [
        ['', 3600],
        ['sandbox-60min', 3600],
        ['sandbox-5min', 300],
        ['sandbox-1min', 60],
      ] as const) {
        const before = Math.floor(Date.now() / 1000);
        const r = await send({ scene_id: scene });
        if (r.outcome !== 'issued') throw new Error(`${scene}: ${JSON.stringify(r)}`);
        expect(r.expired_time - before, scene).toBeGreaterThanOrEqual(seconds);
        expect(r.expired_time - before, scene).toBeLessThanOrEqual(seconds + 1);
      }
    });

    it('names the first bad parameter in catalogue order, after every missing one', async () => {
      await expectRefusal(send({ language: '9', return_url: 'nope' }), 400, 'BAD_ARGUMENTS: return_url');
      await expectRefusal(send({ language: '9', biz_no: '' }), 400, 'MISSING_ARGUMENTS: biz_no');
    });
  });

  describe('reference images', () => {
    const compare = (photos: GetTokenCall['photos'], extra: Record<string, string> = {}) =>
      send({ comparison_type: '0', ...extra }, photos);

    it('refuses files that are not complete JPEG or PNG images, naming the parameter', async () => {
      const gif = new Uint8Array(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));
      const png = makePng(30, 30);
      const cases: [string, Uint8Array][] = [
        ['text file named .jpg', fixture('not-an-image.jpg')],
        ['truncated JPEG', fixture('truncated.jpg')],
        ['JPEG without its last two bytes', face.subarray(0, face.length - 2)],
        ['truncated PNG', png.subarray(0, png.length - 20)],
        ['GIF', gif],
      ];
      for (const [what, bytes] of cases) {
        await expectRefusal(compare({ image_ref1: part(bytes) }), 400, 'IMAGE_ERROR_UNSUPPORTED_FORMAT: image_ref1', 'image_ref1').catch(
          (e: unknown) => {
            throw new Error(`${what}: ${String(e)}`);
          },
        );
      }
      await expectRefusal(
        compare({ image_ref1: facePhoto, image_ref2: part(fixture('truncated.jpg')) }),
        400,
        'IMAGE_ERROR_UNSUPPORTED_FORMAT: image_ref2',
        'image_ref2',
      );
    });

    it('refuses a side over 4096 px as INVALID_IMAGE_SIZE, checked before decoding', async () => {
      await expectRefusal(compare({ image_ref1: part(fixture('huge-dims.jpg')) }), 400, 'INVALID_IMAGE_SIZE: image_ref1', 'image_ref1');
      await expectRefusal(
        compare({ image_ref1: facePhoto, image_ref2: part(makePng(2, 4097), 'tall.png', 'image/png') }),
        400,
        'INVALID_IMAGE_SIZE: image_ref2',
        'image_ref2',
      );
      // image_ref1 is looked at before image_ref2.
      await expectRefusal(
        compare({ image_ref1: part(fixture('huge-dims.jpg')), image_ref2: part(fixture('truncated.jpg')) }),
        400,
        'INVALID_IMAGE_SIZE: image_ref1',
      );
    });

    it('checks images only after every argument', async () => {
      await expectRefusal(compare({ image_ref1: part(fixture('truncated.jpg')) }, { language: '9' }), 400, 'BAD_ARGUMENTS: language');
    });

    it('answers a photo over 2 MB with HTTP 413, understood as too large', async () => {
      const big = makeBigJpeg();
      expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
      const r = await compare({ image_ref1: facePhoto, image_ref2: part(big) });
      expect(r).toMatchObject({ outcome: 'failed', httpStatus: 413, error: { code: 'REQUEST_ENTITY_TOO_LARGE', field: 'image_ref1' } });
      if (r.outcome === 'failed') expect(r.rawBody).toContain('<title>413 Request Entity Too Large</title>');
    });
  });

  describe('magic uuid values', () => {
    const compare = (uuid: string, extra: Record<string, string> = {}) => send({ comparison_type: '0', uuid, ...extra });

    it('forces NO_FACE_FOUND and MULTIPLE_FACES when a reference image is examined', async () => {
      await expectRefusal(compare('sandbox:no-face'), 400, 'NO_FACE_FOUND', 'image_ref1');
      await expectRefusal(compare('sandbox:multiple-faces'), 400, 'MULTIPLE_FACES', 'image_ref1');
      await expectRefusal(compare('sandbox:multiple-faces', { fail_when_ref_multiple_faces: '1' }), 400, 'MULTIPLE_FACES');
    });

    it('uses the largest face with fail_when_ref_multiple_faces=0, and ignores face values without an image', async () => {
      await expectIssued(compare('sandbox:multiple-faces', { fail_when_ref_multiple_faces: '0' }), 'largest face');
      await expectIssued(send({ uuid: 'sandbox:no-face' }), 'no-face, liveness only');
      await expectIssued(send({ uuid: 'sandbox:multiple-faces' }), 'multiple-faces, liveness only');
    });

    it('forces the account and service errors', async () => {
      await expectRefusal(send({ uuid: 'sandbox:concurrency' }), 403, 'CONCURRENCY_LIMIT_EXCEEDED');
      await expectRefusal(send({ uuid: 'sandbox:internal-error' }), 500, 'INTERNAL_ERROR');
      await expectRefusal(send({ uuid: 'sandbox:unauthorized' }), 403, 'AUTHORIZATION_ERROR: Denied.');
      const denied = await send({ uuid: 'sandbox:unauthorized' });
      expect(denied).toMatchObject({ outcome: 'failed', error: { code: 'AUTHORIZATION_ERROR', detail: 'Denied.' } });
    });

    it('applies them only to requests that pass validation', async () => {
      await expectRefusal(send({ uuid: 'sandbox:concurrency', language: '9' }), 400, 'BAD_ARGUMENTS: language');
      await expectRefusal(send({ uuid: 'sandbox:internal-error', notify_url: '' }), 400, 'MISSING_ARGUMENTS: notify_url');
      await expectRefusal(
        send({ comparison_type: '0', uuid: 'sandbox:no-face' }, { image_ref1: part(fixture('truncated.jpg')) }),
        400,
        'IMAGE_ERROR_UNSUPPORTED_FORMAT: image_ref1',
      );
      await expectRefusal(
        call({ apiSecret: 'wrong', params: { ...liveness(), uuid: 'sandbox:unauthorized' } }),
        403,
        'AUTHENTICATION_ERROR',
      );
    });
  });

  describe('credentials and paths', () => {
    it('refuses a wrong key or secret with 403 AUTHENTICATION_ERROR before looking at arguments', async () => {
      await expectRefusal(call({ apiSecret: 'wrong' }), 403, 'AUTHENTICATION_ERROR');
      await expectRefusal(call({ apiKey: 'other-key' }), 403, 'AUTHENTICATION_ERROR');
      await expectRefusal(call({ apiSecret: 'wrong', params: {} }), 403, 'AUTHENTICATION_ERROR');
    });

    it('answers a path the service lacks with 404 API_NOT_FOUND', async () => {
      await expectRefusal(call({ baseUrl: `${sandbox.baseUrl}/wrong-prefix` }), 404, 'API_NOT_FOUND');
    });

    it('tolerates a trailing slash on the base URL', async () => {
      await expectIssued(call({ baseUrl: `${sandbox.baseUrl}/` }), 'trailing slash');
    });
  });
});

describe('sandbox with an injected clock and scenes', () => {
  it('derives ids and expiry from the injected clock and the configured scenes', async () => {
    const nowMs = 1_700_000_000_500;
    const sandbox = await createSandbox({ apiKey: KEY, apiSecret: SECRET, now: () => nowMs, scenes: { 'branch-10min': 600 } });
    try {
      const issue = (scene_id: string) =>
        getToken({ baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET, params: { ...liveness(), scene_id }, photos: {} });
      const r = await issue('branch-10min');
      expect(r).toMatchObject({ outcome: 'issued', expired_time: 1_700_000_600 });
      if (r.outcome === 'issued') {
        expect(r.biz_id.startsWith('1700000000,')).toBe(true);
        expect(r.request_id.startsWith('1700000000,')).toBe(true);
        expect(sandbox.tokens.get(r.token)?.issuedAtMs).toBe(nowMs);
      }
      expect(await issue('')).toMatchObject({ outcome: 'issued', expired_time: 1_700_003_600 });
      expect(await issue('sandbox-5min')).toMatchObject({ outcome: 'failed', error: { code: 'BAD_ARGUMENTS', field: 'scene_id' } });
    } finally {
      await sandbox.close();
    }
  });
});
