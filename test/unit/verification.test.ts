import { describe, expect, it } from 'vitest';
import { livenessUrl, readComparison, readVerification, type VerificationData } from '../../core/faceid/verification';

const thresholds = { '1e-3': 64, '1e-4': 69, '1e-5': 74, '1e-6': 79.9 };

describe('reading a verification result', () => {
  it('builds the liveness URL for a region', () => {
    expect(livenessUrl('https://api-idn.megvii.com/', 'ab12')).toBe('https://api-idn.megvii.com/faceid/lite/do?token=ab12');
  });

  it('names the strictest false-accept level a confidence meets, against the thresholds sent with it', () => {
    expect(readComparison({ confidence: 76.5, thresholds }).words).toBe('match at the 1-in-100,000 false-accept level (confidence 76.50 ≥ 74)');
    expect(readComparison({ confidence: 68.918, thresholds }).strictest).toBe('1e-3');
    expect(readComparison({ confidence: 50, thresholds }).words).toMatch(/^no match/);
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
    expect(readVerification({ status: 'OK', liveness_result: { result: 'PASS' }, verify_result: { result_ref1: { confidence: 66, thresholds } } }).verdict).toBe('fail');
    const masked = readVerification({ status: 'OK', liveness_result: { result: 'FAIL', face_genuineness: { mask_confidence: 0.9, mask_threshold: 0.5 } } });
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
