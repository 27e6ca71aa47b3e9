import { describe, expect, it } from 'vitest';
import { classifyResultAnswer } from '../../main/faceid/get-result';
import { classifyAnswer } from '../../main/faceid/outcome';

const PAGE = '<html><body><h1>Bad Gateway</h1></body></html>';

describe('an answer that is not the service JSON', () => {
  it.each([
    [200, 'unknown'],
    [204, 'unknown'],
    [500, 'unknown'],
    [502, 'unknown'],
    [504, 'unknown'],
    [302, 'failed'],
    [403, 'failed'],
    [413, 'failed'],
  ])('HTTP %i is %s for get_token and get_result alike', (status, outcome) => {
    expect(classifyAnswer(status, PAGE, 5).outcome).toBe(outcome);
    expect(classifyResultAnswer(status, PAGE, 5).outcome).toBe(outcome);
  });

  it('leaves a readable service error failed whatever its status', () => {
    const body = JSON.stringify({ request_id: '1,x', error_message: 'INTERNAL_ERROR', time_used: 1 });
    expect(classifyAnswer(500, body, 5)).toMatchObject({ outcome: 'failed', httpStatus: 500, error: { code: 'INTERNAL_ERROR' } });
    expect(classifyResultAnswer(500, body, 5)).toMatchObject({ outcome: 'failed', httpStatus: 500, error: { code: 'INTERNAL_ERROR' } });
  });
});
