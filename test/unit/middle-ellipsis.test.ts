import { describe, expect, it } from 'vitest';
import { splitTail } from '../../renderer/features/history/ids';

describe('long ids keep their distinguishing tail', () => {
  it('splits ids made the same minute where they differ', () => {
    expect(splitTail('desk-20261129-163012-3b94')).toEqual({ head: 'desk-20261129-163', tail: '012-3b94' });
    expect(splitTail('desk-20261129-163012-3b94')?.tail).not.toBe(splitTail('desk-20261129-163012-afce')?.tail);
  });
  it('leaves short values whole and never splits a character', () => {
    expect(splitTail('LOAN-88213')).toBeUndefined();
    expect(splitTail('客户'.repeat(8))).toEqual({ head: '客户'.repeat(4), tail: '客户'.repeat(4) });
  });
});
