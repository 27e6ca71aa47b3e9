import { describe, expect, it } from 'vitest';
import { isUsable, judgePhoto, type DetectedFace, type RawAnalysis } from '../../core/precheck/judge';
import { poseFromLandmarks, type Point } from '../../core/precheck/pose';

const face = (over: Partial<DetectedFace> = {}): DetectedFace => ({
  x: 0.3,
  y: 0.2,
  width: 0.4,
  height: 0.5,
  score: 0.95,
  rollDeg: 0,
  yawDeg: 0,
  ...over,
});
const raw = (tries: RawAnalysis['tries'], over: Partial<RawAnalysis> = {}): RawAnalysis => ({
  width: 600,
  height: 800,
  tries,
  meanLuma: 120,
  sharpness: 20,
  elapsedMs: 10,
  detector: 'test',
  ...over,
});
const codes = (r: ReturnType<typeof judgePhoto>) => r.findings.map((f) => f.code);

describe('the pre-check rules', () => {
  it('calls one large frontal face usable, answered with a token', () => {
    const r = judgePhoto(raw([{ rotation: 0, faces: [face()] }]));
    expect(r.likelyAnswer).toBe('OK');
    expect(codes(r)).toEqual(['one-face']);
    expect(isUsable(r)).toBe(true);
  });

  it('expects NO_FACE_FOUND when no orientation shows a face, and ignores detections below the counting score', () => {
    const r = judgePhoto(
      raw([
        { rotation: 0, faces: [face({ score: 0.35 })] },
        { rotation: 90, faces: [] },
      ]),
    );
    expect(r.likelyAnswer).toBe('NO_FACE_FOUND');
    expect(codes(r)).toEqual(['no-face']);
    expect(r.findings[0]).toMatchObject({ severity: 'problem', action: 'retake' });
  });

  it('expects MULTIPLE_FACES for two faces, and a token with fail_when_ref_multiple_faces=0', () => {
    const tries = [{ rotation: 0 as const, faces: [face(), face({ x: 0.7, width: 0.1, height: 0.12 })] }];
    const strict = judgePhoto(raw(tries));
    expect(strict.likelyAnswer).toBe('MULTIPLE_FACES');
    expect(strict.findings[0]).toMatchObject({ code: 'multiple-faces', params: { count: 2 }, action: 'crop-to-one-face' });
    const largest = judgePhoto(raw(tries), { multiOrientedDetection: false, failWhenMultipleFaces: false });
    expect(largest.likelyAnswer).toBe('OK');
    expect(largest.findings[0]).toMatchObject({ code: 'multiple-faces', severity: 'advice', likelyAnswer: 'OK' });
    expect(largest.faces[0]?.width).toBe(0.4);
  });

  it('suggests the turn that finds the face, and expects NO_FACE_FOUND unless multi_oriented_detection=1', () => {
    const tries = [
      { rotation: 0 as const, faces: [] },
      { rotation: 90 as const, faces: [face({ score: 0.6 })] },
      { rotation: 270 as const, faces: [face({ score: 0.9 })] },
    ];
    const plain = judgePhoto(raw(tries));
    expect(plain.suggestedRotation).toBe(270);
    expect(plain.likelyAnswer).toBe('NO_FACE_FOUND');
    expect(plain.findings[0]).toMatchObject({ code: 'rotated', action: 'rotate', params: { degrees: 270 } });
    const multi = judgePhoto(raw(tries), { multiOrientedDetection: true, failWhenMultipleFaces: true });
    expect(multi.likelyAnswer).toBe('OK');
    expect(codes(multi)).toContain('rotated');
    expect(isUsable(multi)).toBe(true);
  });

  it('keeps the photo upright unless a turn finds a clearly surer face', () => {
    const tie = judgePhoto(
      raw([
        { rotation: 0, faces: [face({ score: 0.78 })] },
        { rotation: 180, faces: [face({ score: 0.79 })] },
      ]),
    );
    expect(tie.suggestedRotation).toBe(0);
    const turned = judgePhoto(
      raw([
        { rotation: 0, faces: [face({ score: 0.9 })] },
        { rotation: 90, faces: [face({ score: 0.95 })] },
        { rotation: 270, faces: [face({ score: 0.99 })] },
      ]),
    );
    expect(turned.suggestedRotation).toBe(270);
  });

  it('advises on a small face by its share of the shorter side, in the turned photo', () => {
    // 0.1 of 800 px = 80 px high: 13 % of the 600 px shorter side passes; 0.08 → 64 px, 10.7 % does not.
    expect(codes(judgePhoto(raw([{ rotation: 0, faces: [face({ height: 0.1 })] }])))).not.toContain('face-too-small');
    const small = judgePhoto(raw([{ rotation: 0, faces: [face({ height: 0.08 })] }]));
    expect(small.findings.find((f) => f.code === 'face-too-small')).toMatchObject({
      severity: 'advice',
      params: { percent: 11, minPercent: 12, pixels: 64 },
    });
    expect(small.likelyAnswer).toBe('OK');
    expect(isUsable(small)).toBe(false);
  });

  it('advises on roll, yaw, blur and exposure without changing the likely answer', () => {
    const r = judgePhoto(raw([{ rotation: 0, faces: [face({ rollDeg: -25, yawDeg: 40 })] }], { sharpness: 2, meanLuma: 30 }));
    expect(codes(r)).toEqual(['head-tilted', 'head-turned', 'blurry', 'too-dark', 'one-face']);
    expect(r.likelyAnswer).toBe('OK');
    expect(codes(judgePhoto(raw([{ rotation: 0, faces: [face()] }], { meanLuma: 240 })))).toContain('too-bright');
  });
});

/** A schematic frontal face: jaw from x=0 to 100, eyes at y=40, nose tip at `noseX`. */
function landmarks(noseX: number, tilt = 0): Point[] {
  const points: Point[] = Array.from({ length: 68 }, () => ({ x: 50, y: 60 }));
  points[0] = { x: 0, y: 50 };
  points[16] = { x: 100, y: 50 };
  points[30] = { x: noseX, y: 60 };
  for (let i = 36; i < 42; i++) points[i] = { x: 30, y: 40 };
  for (let i = 42; i < 48; i++) points[i] = { x: 70, y: 40 + tilt };
  return points;
}

describe('head pose from landmarks', () => {
  it('reads a frontal face as roll 0, yaw 0', () => {
    expect(poseFromLandmarks(landmarks(50))).toEqual({ rollDeg: 0, yawDeg: 0 });
  });
  it('reads the nose halfway to the jaw end as a 30° turn, towards that side', () => {
    expect(poseFromLandmarks(landmarks(75)).yawDeg).toBeCloseTo(30, 0);
    expect(poseFromLandmarks(landmarks(25)).yawDeg).toBeCloseTo(-30, 0);
  });
  it('reads a lower right eye as a clockwise roll', () => {
    expect(poseFromLandmarks(landmarks(50, 40)).rollDeg).toBeCloseTo(45, 0);
  });
  it('refuses anything but 68 points', () => {
    expect(() => poseFromLandmarks([])).toThrow(/68 landmarks/);
  });
});
