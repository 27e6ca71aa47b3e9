import { describe, expect, it } from 'vitest';
import { switchDefaults } from '../../renderer/features/profiles/switch-defaults';

describe('switching profiles', () => {
  const staging = { return_url: 'https://stage.example/r', scene_id: 'stage-scene', language: '2' };
  const prod = { return_url: 'https://bank.example/r', notify_url: 'https://bank.example/n' };

  it('replaces values that came from the old profile and clears the ones the new one lacks', () => {
    const r = switchDefaults({ ...staging, biz_no: 'x' }, staging, prod);
    expect(r.values).toMatchObject({
      return_url: 'https://bank.example/r',
      notify_url: 'https://bank.example/n',
      scene_id: '',
      language: '',
      biz_no: 'x',
    });
    expect(r.applied.sort()).toEqual(['notify_url', 'return_url']);
    expect(r.cleared.sort()).toEqual(['language', 'scene_id']);
    expect(r.kept).toEqual([]);
  });

  it("keeps the operator's own values and reports them", () => {
    const r = switchDefaults({ ...staging, return_url: 'https://typed.example/r', scene_id: 'mine' }, staging, prod);
    expect(r.values.return_url).toBe('https://typed.example/r');
    expect(r.values.scene_id).toBe('mine');
    expect(r.kept).toEqual(['return_url']);
    expect(r.cleared).toEqual(['language']);
  });
});
