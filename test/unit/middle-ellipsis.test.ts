import { describe, expect, it } from 'vitest';
import { middleEllipsis } from '../../renderer/features/history/ids';

describe('middle ellipsis of long ids', () => {
  it('keeps the head and the distinguishing tail of ids made the same minute', () => {
    const a = middleEllipsis('desk-20261129-163012-3b94');
    const b = middleEllipsis('desk-20261129-163012-afce');
    expect(a).toBe('desk-2…-163012-3b94');
    expect(a).not.toBe(b);
  });
  it('leaves short values whole and never splits a character', () => {
    expect(middleEllipsis('LOAN-88213')).toBe('LOAN-88213');
    expect(middleEllipsis('客户'.repeat(12))).toBe(`${'客户'.repeat(3)}…${'客户'.repeat(6)}`);
  });
});
