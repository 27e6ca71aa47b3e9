import { describe, expect, it } from 'vitest';
import {
  advanceFlow,
  END_STAGES,
  FLOW_STAGES,
  flowStateAt,
  issuedFlow,
  readVerdict,
  tokenStillUsable,
  type FlowEvent,
  type FlowStage,
  type FlowState,
} from '../../core/faceid/flow-status';
import type { FlowStatus, VerificationData } from '../../core/faceid/verification';

const EXPIRY_S = 1_000_000;
const EXPIRY_MS = EXPIRY_S * 1000;
const BEFORE = EXPIRY_MS - 60_000;
const AFTER = EXPIRY_MS + 1;
const thresholds = { '1e-3': 64, '1e-4': 69, '1e-5': 74, '1e-6': 79.9 };
const passData: VerificationData = {
  status: 'OK',
  liveness_result: { result: 'PASS' },
  verify_result: { error_message: null, result_ref1: { confidence: 76, thresholds } },
};

/** A state in the given stage, reached through the model itself. */
function reach(stage: FlowStage): FlowState {
  const s0 = issuedFlow(EXPIRY_S);
  const paths: Record<FlowStage, FlowEvent[]> = {
    issued: [],
    opened: [{ kind: 'opened', at: BEFORE }],
    'in-progress': [{ kind: 'status', at: BEFORE, status: 'PROCESSING' }],
    passed: [
      { kind: 'opened', at: BEFORE },
      { kind: 'status', at: BEFORE, status: 'OK', data: passData },
    ],
    'not-passed': [
      { kind: 'opened', at: BEFORE },
      { kind: 'status', at: BEFORE, status: 'FAILED' },
    ],
    cancelled: [
      { kind: 'opened', at: BEFORE },
      { kind: 'status', at: BEFORE, status: 'CANCELLED' },
    ],
    'timed-out': [
      { kind: 'opened', at: BEFORE },
      { kind: 'status', at: BEFORE, status: 'TIMEOUT' },
    ],
    'expired-unused': [{ kind: 'tick', at: AFTER }],
  };
  return paths[stage].reduce((s, e) => advanceFlow(s, e), s0);
}

describe('the verification flow model', () => {
  it('reaches every stage', () => {
    for (const stage of FLOW_STAGES) expect(reach(stage).stage).toBe(stage);
  });

  it('moves issued → opened → in progress → passed on the sandbox events', () => {
    let s = issuedFlow(EXPIRY_S);
    s = advanceFlow(s, { kind: 'opened', at: BEFORE });
    expect(s).toMatchObject({ stage: 'opened', openedAt: BEFORE });
    s = advanceFlow(s, { kind: 'status', at: BEFORE + 1, status: 'PROCESSING' });
    expect(s).toMatchObject({ stage: 'in-progress', progressAt: BEFORE + 1 });
    s = advanceFlow(s, { kind: 'status', at: BEFORE + 2, status: 'OK', data: passData });
    expect(s).toMatchObject({ stage: 'passed', reasons: [], level: '1e-4', endedAt: BEFORE + 2 });
  });

  it('reaches in progress straight from issued when a poll sees PROCESSING (a real profile never sees "opened")', () => {
    expect(advanceFlow(issuedFlow(EXPIRY_S), { kind: 'status', at: BEFORE, status: 'PROCESSING' }).stage).toBe('in-progress');
  });

  it('stays issued on a NOT_STARTED poll and on a tick before expiry', () => {
    const s = issuedFlow(EXPIRY_S);
    expect(advanceFlow(s, { kind: 'status', at: BEFORE, status: 'NOT_STARTED' }).stage).toBe('issued');
    expect(advanceFlow(s, { kind: 'tick', at: BEFORE }).stage).toBe('issued');
    expect(advanceFlow(reach('opened'), { kind: 'status', at: BEFORE, status: 'NOT_STARTED' }).stage).toBe('opened');
  });

  it('an opened page stays opened when it is opened again (a reload)', () => {
    const s = reach('opened');
    expect(advanceFlow(s, { kind: 'opened', at: BEFORE + 5 })).toEqual(s);
    expect(advanceFlow(reach('in-progress'), { kind: 'opened', at: BEFORE + 5 }).stage).toBe('in-progress');
  });

  it('a token nobody opened expires unused — on the clock, on a NOT_STARTED poll after expiry, and on a TIMEOUT result', () => {
    expect(advanceFlow(issuedFlow(EXPIRY_S), { kind: 'tick', at: EXPIRY_MS })).toMatchObject({
      stage: 'expired-unused',
      endedAt: EXPIRY_MS,
    });
    expect(advanceFlow(issuedFlow(EXPIRY_S), { kind: 'status', at: AFTER, status: 'NOT_STARTED' }).stage).toBe('expired-unused');
    expect(advanceFlow(issuedFlow(EXPIRY_S), { kind: 'status', at: AFTER, status: 'TIMEOUT' }).stage).toBe('expired-unused');
    expect(advanceFlow(issuedFlow(EXPIRY_S), { kind: 'opened', at: AFTER }).stage).toBe('expired-unused');
  });

  it('an opened flow past expiry is timed out provisionally, and a result fetched afterwards replaces it', () => {
    for (const from of ['opened', 'in-progress'] as const) {
      const t = advanceFlow(reach(from), { kind: 'tick', at: AFTER });
      expect(t).toMatchObject({ stage: 'timed-out', provisional: true, endedAt: EXPIRY_MS });
      expect(advanceFlow(t, { kind: 'tick', at: AFTER + 10 })).toEqual(t);
      expect(advanceFlow(t, { kind: 'opened', at: AFTER + 10 })).toEqual(t);
      expect(advanceFlow(t, { kind: 'status', at: AFTER + 10, status: 'PROCESSING' })).toEqual(t);
      expect(advanceFlow(t, { kind: 'status', at: AFTER + 10, status: 'NOT_STARTED' })).toEqual(t);
      const replaced = advanceFlow(t, { kind: 'status', at: AFTER + 10, status: 'OK', data: passData });
      expect(replaced.stage).toBe('passed');
      expect(replaced.provisional).toBeUndefined();
      const confirmed = advanceFlow(t, { kind: 'status', at: AFTER + 10, status: 'TIMEOUT' });
      expect(confirmed).toMatchObject({ stage: 'timed-out', endedAt: EXPIRY_MS });
      expect(confirmed.provisional).toBeUndefined();
    }
    expect(advanceFlow(reach('in-progress'), { kind: 'status', at: AFTER, status: 'PROCESSING' })).toMatchObject({
      stage: 'timed-out',
      provisional: true,
    });
  });

  it('every end status from every running stage gives its end stage', () => {
    const expected: Record<Exclude<FlowStatus, 'NOT_STARTED' | 'PROCESSING'>, FlowStage> = {
      OK: 'passed',
      FAILED: 'not-passed',
      CANCELLED: 'cancelled',
      TIMEOUT: 'timed-out',
      WEBRTC_UNSUPPORTED: 'not-passed',
    };
    for (const from of ['opened', 'in-progress'] as const) {
      for (const [status, stage] of Object.entries(expected)) {
        const data = status === 'OK' ? passData : undefined;
        expect(advanceFlow(reach(from), { kind: 'status', at: BEFORE, status: status as FlowStatus, data }).stage).toBe(stage);
      }
    }
    // From issued (a poll that missed PROCESSING), only a timeout is read as unused.
    expect(advanceFlow(issuedFlow(EXPIRY_S), { kind: 'status', at: BEFORE, status: 'CANCELLED' }).stage).toBe('cancelled');
    expect(advanceFlow(issuedFlow(EXPIRY_S), { kind: 'status', at: BEFORE, status: 'OK', data: passData }).stage).toBe('passed');
  });

  it('an end stage is final: no later observation changes it', () => {
    const later: FlowEvent[] = [
      { kind: 'opened', at: BEFORE + 9 },
      { kind: 'tick', at: AFTER },
      { kind: 'status', at: BEFORE + 9, status: 'PROCESSING' },
      { kind: 'status', at: BEFORE + 9, status: 'NOT_STARTED' },
      { kind: 'status', at: BEFORE + 9, status: 'CANCELLED' },
      { kind: 'status', at: BEFORE + 9, status: 'OK', data: passData },
    ];
    for (const stage of END_STAGES) {
      const s = reach(stage);
      if (s.provisional) continue;
      for (const e of later) expect(advanceFlow(s, e)).toEqual(s);
    }
  });

  it('flowStateAt folds the events and then reads the clock', () => {
    expect(flowStateAt(EXPIRY_S, [], AFTER).stage).toBe('expired-unused');
    expect(flowStateAt(EXPIRY_S, [{ kind: 'opened', at: BEFORE }], BEFORE + 1).stage).toBe('opened');
    expect(flowStateAt(EXPIRY_S, [{ kind: 'opened', at: BEFORE }], AFTER).stage).toBe('timed-out');
  });

  it('the QR code is usable only while issued and unexpired', () => {
    expect(tokenStillUsable(issuedFlow(EXPIRY_S), BEFORE)).toBe(true);
    expect(tokenStillUsable(issuedFlow(EXPIRY_S), EXPIRY_MS)).toBe(false);
    for (const stage of FLOW_STAGES.filter((x) => x !== 'issued')) expect(tokenStillUsable(reach(stage), BEFORE)).toBe(false);
  });
});

describe('reading the verdict', () => {
  it('passes at the chosen level and not at a stricter one', () => {
    expect(readVerdict(passData, '1e-5')).toEqual({ stage: 'passed', reasons: [], level: '1e-5' });
    expect(readVerdict(passData, '1e-6')).toEqual({ stage: 'not-passed', reasons: ['no-match'], level: '1e-6' });
    const s = advanceFlow(reach('opened'), { kind: 'status', at: BEFORE, status: 'OK', data: passData, level: '1e-6' });
    expect(s).toMatchObject({ stage: 'not-passed', reasons: ['no-match'], level: '1e-6' });
  });

  it('names every reason a completed flow fails for', () => {
    const d: VerificationData = {
      status: 'OK',
      liveness_result: { result: 'FAIL', face_genuineness: { screen_replay_confidence: 0.9, screen_replay_threshold: 0.5 } },
      verify_result: {
        error_message: 'bad image',
        result_ref1: { confidence: 80, thresholds },
        result_ref2: { confidence: 10, thresholds },
      },
      multiple_faces: true,
    };
    expect(readVerdict(d, '1e-4')).toEqual({
      stage: 'not-passed',
      reasons: ['liveness-failed', 'no-match', 'comparison-error', 'fake-face', 'multiple-faces'],
      level: '1e-4',
    });
  });

  it('has no comparison level without a comparison, and reads flow failures by their fail_reason', () => {
    expect(readVerdict({ status: 'OK', liveness_result: { result: 'PASS' } }, '1e-4')).toEqual({
      stage: 'passed',
      reasons: [],
      level: undefined,
    });
    expect(readVerdict({ status: 'WEBRTC_UNSUPPORTED', fail_reason: 'PERMISSIONS_ERROR' }, '1e-4').reasons).toEqual(['camera-denied']);
    expect(readVerdict({ status: 'WEBRTC_UNSUPPORTED', fail_reason: 'NETWORK_ERROR' }, '1e-4').reasons).toEqual(['network-error']);
    expect(readVerdict({ status: 'WEBRTC_UNSUPPORTED' }, '1e-4').reasons).toEqual(['browser-unsupported']);
    expect(readVerdict({ status: 'FAILED' }, '1e-4')).toEqual({ stage: 'not-passed', reasons: ['flow-failed'] });
    expect(readVerdict({ status: 'CANCELLED' }, '1e-4').stage).toBe('cancelled');
    expect(readVerdict({ status: 'OK' }, '1e-4').reasons).toEqual(['liveness-failed']);
  });
});
