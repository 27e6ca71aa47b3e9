import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DECODE_CONCURRENCY, DECODE_QUEUE_LIMIT, checkImage } from '../../main/sandbox/images';
import { makeLargeJpeg, makePixelBombPng } from '../fixtures/big-images';
import { makeJpeg, makePng } from '../fixtures/images';

const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/${name}`));
const face = fixture('face.jpg');

/** face.jpg with the size in its SOF0 header rewritten: the header lies, the data is unchanged. */
function withHeaderSize(bytes: Uint8Array, width: number, height: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  const sof = out.findIndex((b, i) => b === 0xff && out[i + 1] === 0xc0);
  expect(sof).toBeGreaterThan(0);
  out[sof + 5] = height >> 8;
  out[sof + 6] = height & 0xff;
  out[sof + 7] = width >> 8;
  out[sof + 8] = width & 0xff;
  return out;
}

describe('sandbox reference-image check', () => {
  it('accepts complete JPEG and PNG images', async () => {
    expect(await checkImage(face)).toBe('ok');
    expect(await checkImage(fixture('face.png'))).toBe('ok');
    expect(await checkImage(makeJpeg(4096, 4))).toBe('ok');
  });

  it('accepts a real 4096 × 4096 JPEG and a 16-bit 4096 × 4096 PNG: the limit is inclusive', async () => {
    expect(await checkImage(await makeLargeJpeg())).toBe('ok');
    expect(await checkImage(await makePixelBombPng())).toBe('ok');
  });

  it('refuses a JPEG cut at any point, including just its end-of-image marker', async () => {
    const cuts: number[] = [];
    for (let keep = 200; keep < face.length; keep += 97) cuts.push(keep);
    cuts.push(face.length - 1, face.length - 2);
    for (const keep of cuts) expect(await checkImage(face.subarray(0, keep)), `first ${keep} bytes`).toBe('unsupported-format');
    expect(await checkImage(fixture('truncated.jpg'))).toBe('unsupported-format');
  });

  it('accepts a JPEG a writer padded after its end-of-image marker', async () => {
    expect(await checkImage(new Uint8Array([...face, 0, 0, 0, 0]))).toBe('ok');
  });

  it('refuses a truncated or corrupt PNG, also a pixel bomb cut short', async () => {
    const png = makePng(20, 20);
    expect(await checkImage(png.subarray(0, png.length - 13))).toBe('unsupported-format');
    const corrupt = Uint8Array.from(png);
    corrupt[40] = (corrupt[40] ?? 0) ^ 0xff; // inside IDAT: the CRC no longer matches
    expect(await checkImage(corrupt)).toBe('unsupported-format');
    const bomb = await makePixelBombPng();
    expect(await checkImage(bomb.subarray(0, Math.floor(bomb.length * 0.6)))).toBe('unsupported-format');
  });

  it('refuses anything that is not JPEG or PNG, whatever its name', async () => {
    expect(await checkImage(fixture('not-an-image.jpg'))).toBe('unsupported-format');
    expect(await checkImage(new Uint8Array(0))).toBe('unsupported-format');
    const gif = new Uint8Array(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));
    expect(await checkImage(gif)).toBe('unsupported-format');
  });

  it('refuses a side over 4096 px from the header, without decoding the data', async () => {
    expect(await checkImage(fixture('huge-dims.jpg'))).toBe('too-many-pixels');
    expect(await checkImage(makePng(4097, 1))).toBe('too-many-pixels');
    // A header claiming 60000 × 60000 over 320 × 400 px of data: decoding would fail (or try to
    // allocate 14 GB); the size verdict shows the header was read first.
    expect(await checkImage(withHeaderSize(face, 60000, 60000))).toBe('too-many-pixels');
    expect(await checkImage(withHeaderSize(face, 4096, 4096))).toBe('unsupported-format');
  });

  it('decodes a few images at a time and answers busy beyond the queue, without losing any', async () => {
    const bomb = await makePixelBombPng(2048);
    const burst = DECODE_CONCURRENCY + DECODE_QUEUE_LIMIT + 3;
    const verdicts = await Promise.all(Array.from({ length: burst }, () => checkImage(bomb)));
    expect(verdicts.filter((v) => v === 'busy')).toHaveLength(3);
    expect(verdicts.filter((v) => v === 'ok')).toHaveLength(DECODE_CONCURRENCY + DECODE_QUEUE_LIMIT);
    // The queue drained: the next image is decoded again.
    expect(await checkImage(face)).toBe('ok');
  });
});
