import jpeg from 'jpeg-js';

const SIDE = 48;
let cached: string | undefined;

/**
 * The `images.image_best` of get_result: a small generated JPEG (a soft oval on a gradient) as a
 * data URI. The sandbox has no camera frames; a real, decodable JPEG lets clients exercise their
 * image handling. Built once, on first use.
 *
 * Inferred: the `data:image/jpeg;base64,` prefix. The China doc copy shows it; some public clients
 * decode the field as bare base64, so the real overseas field may lack it. The sandbox keeps the
 * prefix; a client should accept both forms.
 */
export function bestImageDataUri(): string {
  if (cached) return cached;
  const data = Buffer.alloc(SIDE * SIDE * 4);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      const dx = (x - SIDE / 2) / (SIDE * 0.3);
      const dy = (y - SIDE / 2) / (SIDE * 0.4);
      const face = dx * dx + dy * dy <= 1;
      const i = (y * SIDE + x) * 4;
      data[i] = face ? 224 : 60 + y * 2;
      data[i + 1] = face ? 182 : 90 + y;
      data[i + 2] = face ? 150 : 140;
      data[i + 3] = 255;
    }
  }
  const encoded = jpeg.encode({ data, width: SIDE, height: SIDE }, 80);
  cached = `data:image/jpeg;base64,${Buffer.from(encoded.data).toString('base64')}`;
  return cached;
}
