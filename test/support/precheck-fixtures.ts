/**
 * The labelled pre-check fixture set, built in memory from photos that ship in an npm package
 * (@vladmandic/face-api's demo/, MIT) plus generated non-face images — nothing is committed or
 * downloaded. Labels were set by looking at each crop (test/fixtures/precheck/README.md).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { LikelyAnswer, Rotation } from '../../core/precheck/findings';

export type FixtureKind = 'one-face' | 'no-face' | 'several-faces' | 'rotated' | 'small-face';

export interface PrecheckFixture {
  name: string;
  kind: FixtureKind;
  bytes: Buffer;
  /** The service's likely answer with the default parameters (multi_oriented_detection=0). */
  expected: LikelyAnswer;
  /** One face the service accepts and a comparison can rely on. */
  usable: boolean;
  /** For rotated fixtures: the turn that makes the photo upright again. */
  rotation?: Rotation;
}

const require = createRequire(import.meta.url);
const demo = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');
const sample = (n: number) => join(demo, `sample${n}.jpg`);

/** Face boxes in the demo photos, in pixels of the 1920 px originals: [sample, x, y, w, h]. */
export const FACE_BOXES: readonly (readonly [number, number, number, number, number])[] = [
  [1, 411, 354, 180, 240],
  [1, 837, 420, 189, 222],
  [1, 1476, 201, 201, 237],
  [2, 1446, 153, 195, 243],
  [2, 900, 225, 153, 225],
  [2, 360, 135, 150, 252],
  [3, 585, 333, 198, 267],
  [3, 1515, 288, 168, 285],
  [3, 1074, 216, 219, 294],
  [4, 663, 51, 183, 261],
  [4, 987, 180, 171, 228],
  [5, 378, 861, 171, 297],
  [6, 681, 321, 159, 306],
  [6, 1485, 261, 210, 297],
];

/** A portrait crop around one face: the box grown to a passport-like frame, clipped to the photo. */
async function portrait(n: number, x: number, y: number, w: number, h: number, grow: number): Promise<Buffer> {
  const img = sharp(sample(n));
  const meta = await img.metadata();
  const cw = Math.round(w * grow);
  const ch = Math.round(h * grow * 1.15);
  const left = Math.max(0, Math.round(x + w / 2 - cw / 2));
  const top = Math.max(0, Math.round(y + h / 2 - ch / 2));
  const width = Math.min(cw, meta.width - left);
  const height = Math.min(ch, meta.height - top);
  return img.extract({ left, top, width, height }).jpeg({ quality: 90 }).toBuffer();
}

async function generated(): Promise<{ name: string; bytes: Buffer }[]> {
  const w = 640;
  const h = 480;
  const noise = Buffer.alloc(w * h * 3);
  let seed = 12345;
  for (let i = 0; i < noise.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    noise[i] = seed & 0xff;
  }
  const svg = (body: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${body}</svg>`);
  const out: { name: string; bytes: Buffer }[] = [
    {
      name: 'grey',
      bytes: await sharp({ create: { width: w, height: h, channels: 3, background: '#888888' } })
        .jpeg()
        .toBuffer(),
    },
    {
      name: 'noise',
      bytes: await sharp(noise, { raw: { width: w, height: h, channels: 3 } })
        .jpeg()
        .toBuffer(),
    },
    {
      name: 'gradient',
      bytes: await sharp(
        svg(
          '<defs><linearGradient id="g"><stop offset="0" stop-color="#123"/><stop offset="1" stop-color="#fd8"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>',
        ),
      )
        .jpeg()
        .toBuffer(),
    },
    {
      name: 'document-text',
      bytes: await sharp(
        svg(
          `<rect width="100%" height="100%" fill="#fff"/>${Array.from({ length: 12 }, (_, i) => `<text x="30" y="${40 + i * 36}" font-size="24" font-family="sans-serif">KARTU TANDA PENDUDUK 3171 0${i} 2026</text>`).join('')}`,
        ),
      )
        .png()
        .toBuffer(),
    },
    {
      name: 'circles',
      bytes: await sharp(
        svg(
          '<rect width="100%" height="100%" fill="#eee"/><circle cx="200" cy="220" r="120" fill="#c96"/><circle cx="160" cy="190" r="15" fill="#222"/><circle cx="240" cy="190" r="15" fill="#222"/><circle cx="460" cy="240" r="90" fill="#69c"/>',
        ),
      )
        .jpeg()
        .toBuffer(),
    },
    {
      name: 'checkerboard',
      bytes: await sharp(
        svg(
          Array.from(
            { length: 48 },
            (_, i) =>
              `<rect x="${(i % 8) * 80}" y="${Math.floor(i / 8) * 80}" width="80" height="80" fill="${(i + Math.floor(i / 8)) % 2 ? '#000' : '#fff'}"/>`,
          ).join(''),
        ),
      )
        .png()
        .toBuffer(),
    },
  ];
  // Corners of the demo photos without people: walls, sofas, furniture.
  const regions: [number, number, number, number, number][] = [
    [1, 0, 0, 300, 400],
    [2, 0, 0, 250, 380],
    [4, 1600, 900, 320, 540],
    [6, 0, 900, 300, 600],
  ];
  for (const [n, left, top, width, height] of regions) {
    out.push({
      name: `sample${n}-background-${left}-${top}`,
      bytes: await sharp(sample(n)).extract({ left, top, width, height }).jpeg().toBuffer(),
    });
  }
  return out;
}

/** Builds the whole labelled set (40 images; about a second with sharp). */
export async function buildPrecheckFixtures(): Promise<PrecheckFixture[]> {
  const set: PrecheckFixture[] = [];
  for (const n of [1, 2, 3, 4, 5, 6])
    set.push({
      name: `sample${n}`,
      kind: 'several-faces',
      bytes: await sharp(sample(n)).resize(1280).jpeg().toBuffer(),
      expected: 'MULTIPLE_FACES',
      usable: false,
    });
  const portraits: { name: string; bytes: Buffer }[] = [];
  for (const [n, x, y, w, h] of FACE_BOXES)
    portraits.push({ name: `sample${n}-face-${x}-${y}`, bytes: await portrait(n, x, y, w, h, 1.5) });
  for (const p of portraits) set.push({ ...p, kind: 'one-face', expected: 'OK', usable: true });
  const turns: Rotation[] = [90, 270, 180];
  for (const [i, p] of portraits.slice(0, 6).entries()) {
    const turn = turns[i % 3] as Rotation;
    // Turned clockwise by `turn`; turning it back by 360 − turn makes it upright.
    set.push({
      name: `${p.name}-turned-${turn}`,
      kind: 'rotated',
      bytes: await sharp(p.bytes).rotate(turn).jpeg().toBuffer(),
      expected: 'NO_FACE_FOUND',
      usable: false,
      rotation: ((360 - turn) % 360) as Rotation,
    });
  }
  for (const p of portraits.slice(6, 10)) {
    // A face ≈ 80 px high (9 % of the shorter side) in a 1200 × 900 frame: found, but too small to compare reliably.
    const small = await sharp(p.bytes).resize({ height: 140 }).toBuffer();
    const bytes = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#b8b0a0' } })
      .composite([{ input: small, left: 700, top: 500 }])
      .jpeg()
      .toBuffer();
    set.push({ name: `${p.name}-small`, kind: 'small-face', bytes, expected: 'OK', usable: false });
  }
  for (const g of await generated()) set.push({ ...g, kind: 'no-face', expected: 'NO_FACE_FOUND', usable: false });
  return set;
}
