import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { checkImage, hasEndOfImage } from '../../main/sandbox/images';
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
  it('accepts complete JPEG and PNG images', () => {
    expect(checkImage(face)).toBe('ok');
    expect(checkImage(fixture('face.png'))).toBe('ok');
    expect(checkImage(makeJpeg(4096, 4))).toBe('ok');
  });

  it('refuses a JPEG cut at any point, as jpeg-js alone already does', () => {
    const cuts: number[] = [];
    for (let keep = 200; keep < face.length; keep += 97) cuts.push(keep);
    cuts.push(face.length - 1, face.length - 2);
    for (const keep of cuts) {
      const cut = face.subarray(0, keep);
      expect(checkImage(cut), `first ${keep} bytes`).toBe('unsupported-format');
      // The EOI rule is a second line of defence, not the only one.
      expect(() => jpeg.decode(cut, { useTArray: true, tolerantDecoding: false }), `jpeg-js, first ${keep} bytes`).toThrow();
    }
    expect(checkImage(fixture('truncated.jpg'))).toBe('unsupported-format');
  });

  it('finds the end-of-image marker, also when a writer padded after it', () => {
    expect(hasEndOfImage(face)).toBe(true);
    expect(hasEndOfImage(face.subarray(0, face.length - 2))).toBe(false);
    const padded = new Uint8Array([...face, 0, 0, 0, 0]);
    expect(hasEndOfImage(padded)).toBe(true);
    expect(checkImage(padded)).toBe('ok');
  });

  it('refuses a truncated or corrupt PNG', () => {
    const png = makePng(20, 20);
    expect(checkImage(png.subarray(0, png.length - 13))).toBe('unsupported-format');
    const corrupt = Uint8Array.from(png);
    corrupt[40] = (corrupt[40] ?? 0) ^ 0xff; // inside IDAT: the CRC no longer matches
    expect(checkImage(corrupt)).toBe('unsupported-format');
  });

  it('refuses anything that is not JPEG or PNG, whatever its name', () => {
    expect(checkImage(fixture('not-an-image.jpg'))).toBe('unsupported-format');
    expect(checkImage(new Uint8Array(0))).toBe('unsupported-format');
    const gif = new Uint8Array(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));
    expect(checkImage(gif)).toBe('unsupported-format');
  });

  it('refuses a side over 4096 px from the header, without decoding the data', () => {
    expect(checkImage(fixture('huge-dims.jpg'))).toBe('too-many-pixels');
    expect(checkImage(makePng(4097, 1))).toBe('too-many-pixels');
    // A header claiming 60000 × 60000 over 320 × 400 px of data: decoding would fail (or try to
    // allocate 14 GB); the size verdict shows the header was read first.
    expect(checkImage(withHeaderSize(face, 60000, 60000))).toBe('too-many-pixels');
    expect(checkImage(withHeaderSize(face, 4096, 4096))).toBe('unsupported-format');
  });
});
