// Synthetic history rows for tests and benchmarks.
import type { CallEnd, CallStart } from '../../main/history/store';

/** The start record of the n-th synthetic call. */
export function syntheticStart(n: number, startedAt: number): CallStart {
  return {
    callId: `call-${n}-${startedAt}`,
    startedAt,
    profile: {
      id: n % 3 === 0 ? 'prod' : 'sandbox',
      name: n % 3 === 0 ? 'Prod' : 'Sandbox (built-in)',
      environment: n % 3 === 0 ? 'production' : 'sandbox',
      baseUrl: 'http://127.0.0.1:7300',
    },
    operator: 'desk-7',
    params: {
      api_key: 'sandbox-key',
      api_secret: '[redacted]',
      return_url: 'https://bank.example/return',
      notify_url: 'https://bank.example/notify',
      biz_no: `branch-${String(n).padStart(7, '0')}`,
      comparison_type: n % 2 === 0 ? '0' : '-1',
      uuid: `cust-${n % 5000}`,
    },
    photos: [],
  };
}

/** The end record of the n-th synthetic call: mostly issued, some failed. */
export function syntheticEnd(n: number, finishedAt: number): CallEnd {
  if (n % 10 === 7)
    return {
      status: 'failed',
      finishedAt,
      httpStatus: 400,
      errorCode: 'BAD_ARGUMENTS',
      errorField: 'scene_id',
      errorMessage: 'BAD_ARGUMENTS: scene_id',
      responseBody: '{"error_message":"BAD_ARGUMENTS: scene_id"}',
    };
  const hex = (n * 2654435761).toString(16).padStart(8, '0');
  return {
    status: 'issued',
    finishedAt,
    httpStatus: 200,
    token: `${hex}${hex}${hex}${hex}`.slice(0, 32),
    bizId: `${Math.floor(finishedAt / 1000)},${hex}-0000-4000-8000-${String(n).padStart(12, '0')}`,
    requestId: `${Math.floor(finishedAt / 1000)},${hex}-1111-4000-8000-${String(n).padStart(12, '0')}`,
    expiredTime: Math.floor(finishedAt / 1000) + 3600,
    timeUsed: 12,
    elapsedMs: 15,
    responseBody: '{"token":"…"}',
  };
}
