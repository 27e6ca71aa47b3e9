import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeImageField } from '../../core/faceid/photo';
import { faceidText } from '../../core/faceid/messages';
import {
  livenessUrl,
  readComparison as readComparisonRef,
  readLivenessDetails,
  readVerification as readVerificationRef,
  type VerificationData,
} from '../../core/faceid/verification';

/** The readings in English, as the CLI prints them (the readers return references). */
const readComparison = (c: Parameters<typeof readComparisonRef>[0]) => {
  const r = readComparisonRef(c);
  return { ...r, words: faceidText(r.words) };
};
const readVerification = (d: VerificationData) => {
  const r = readVerificationRef(d);
  return { ...r, headline: faceidText(r.headline), lines: r.lines.map((l) => faceidText(l)) };
};

const thresholds = { '1e-3': 64, '1e-4': 69, '1e-5': 74, '1e-6': 79.9 };

describe('reading a verification result', () => {
  it('builds the liveness URL for a region', () => {
    expect(livenessUrl('https://api-idn.megvii.com/', 'ab12')).toBe('https://api-idn.megvii.com/faceid/lite/do?token=ab12');
  });

  it('names the strictest false-accept level a confidence meets, against the thresholds sent with it', () => {
    expect(readComparison({ confidence: 76.5, thresholds }).words).toBe(
      'Against image_ref1: match at the 1-in-100,000 false-accept level (confidence 76.50 ≥ 74).',
    );
    expect(readComparison({ confidence: 68.918, thresholds }).strictest).toBe('1e-3');
    expect(readComparison({ confidence: 50, thresholds }).words).toMatch(/^Against image_ref1: no match/);
  });

  it('passes a completed flow with liveness PASS and a match at 1e-4', () => {
    const d: VerificationData = {
      status: 'OK',
      liveness_result: { result: 'PASS', procedure_type: 'flash', face_genuineness: { mask_confidence: 0.1, mask_threshold: 0.5 } },
      verify_result: { error_message: null, result_ref1: { confidence: 81.2, thresholds } },
    };
    const r = readVerification(d);
    expect(r).toMatchObject({ headline: 'Verified', verdict: 'pass' });
    expect(r.lines).toContain('No fake-face attack suspected.');
  });

  it('fails a completed flow whose comparison is below 1e-4 or whose liveness failed', () => {
    expect(
      readVerification({
        status: 'OK',
        liveness_result: { result: 'PASS' },
        verify_result: { result_ref1: { confidence: 66, thresholds } },
      }).verdict,
    ).toBe('fail');
    const masked = readVerification({
      status: 'OK',
      liveness_result: { result: 'FAIL', face_genuineness: { mask_confidence: 0.9, mask_threshold: 0.5 } },
    });
    expect(masked.verdict).toBe('fail');
    expect(masked.lines).toContain('Suspected attack: mask.');
  });

  it('explains incomplete flows, with the WebRTC reason when asked for', () => {
    const r = readVerification({ status: 'WEBRTC_UNSUPPORTED', fail_reason: 'PERMISSIONS_ERROR' });
    expect(r).toMatchObject({ verdict: 'incomplete', headline: 'Not verified: WEBRTC_UNSUPPORTED' });
    expect(r.lines).toContain('Reason: camera access was denied or cannot be granted.');
    expect(readVerification({ status: 'PROCESSING' }).verdict).toBe('pending');
  });
});

describe('reading liveness_result.details', () => {
  it('reads video counters as numbers, numeric strings included', () => {
    const d = readLivenessDetails({ UPLOAD_TIMES: 2, FACE_NOT_FOUND: '1', SR_ERROR: 0 });
    expect(d.counters).toEqual([
      { key: 'UPLOAD_TIMES', value: 2 },
      { key: 'FACE_NOT_FOUND', value: 1 },
      { key: 'SR_ERROR', value: 0 },
    ]);
    expect(d.groups).toEqual([]);
  });

  it('reads selfie face_front / face_side as groups of counters', () => {
    const d = readLivenessDetails({ face_front: { FACE_UPLOAD_TIMES: 1, FACE_BLURRED: 1 }, face_side: { FACE_NOT_SIDE: 2, note: 'x' } });
    expect(d.groups).toEqual([
      {
        key: 'face_front',
        counters: [
          { key: 'FACE_UPLOAD_TIMES', value: 1 },
          { key: 'FACE_BLURRED', value: 1 },
        ],
        other: [],
      },
      { key: 'face_side', counters: [{ key: 'FACE_NOT_SIDE', value: 2 }], other: [{ key: 'note', value: 'x' }] },
    ]);
  });

  it('keeps keys it does not know, and reads anything but an object as empty', () => {
    expect(readLivenessDetails({ FLASH_COLOUR_MISMATCH: 3, mode: 'flash', flags: [1] })).toEqual({
      counters: [{ key: 'FLASH_COLOUR_MISMATCH', value: 3 }],
      groups: [],
      other: [
        { key: 'mode', value: 'flash' },
        { key: 'flags', value: [1] },
      ],
    });
    for (const v of [undefined, null, 'x', 3, []]) expect(readLivenessDetails(v)).toEqual({ counters: [], groups: [], other: [] });
  });
});

describe('reading images.image_best', () => {
  const jpeg = readFileSync('test/fixtures/face.jpg');
  const png = readFileSync('test/fixtures/face.png');

  it('accepts a data: URI and bare base64, and takes the format from the bytes', () => {
    expect(decodeImageField(`data:image/jpeg;base64,${jpeg.toString('base64')}`)).toMatchObject({ format: 'jpeg', mimeType: 'image/jpeg' });
    const bare = decodeImageField(jpeg.toString('base64'));
    expect(bare?.format).toBe('jpeg');
    expect(Buffer.from(bare?.bytes ?? []).equals(jpeg)).toBe(true);
    expect(decodeImageField(png.toString('base64'))).toMatchObject({ format: 'png', mimeType: 'image/png' });
    // A PNG labelled as JPEG is a PNG.
    expect(decodeImageField(`data:image/jpeg;base64,${png.toString('base64')}`)?.format).toBe('png');
  });

  it('gives nothing for what is not base64 of an image', () => {
    for (const v of [undefined, 42, '', 'not base64!', Buffer.from('hello world').toString('base64'), 'data:image/jpeg;base64,']) {
      expect(decodeImageField(v), String(v)).toBeUndefined();
    }
  });
});
