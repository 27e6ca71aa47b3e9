import { describe, expect, it } from 'vitest';
import { PER_CUSTOMER_PARAMS } from '../../core/faceid/catalogue';
import { tabKeyTarget } from '../../renderer/app/tab-keys';
import { FIRST_BOX, keyedRect, rectBetween, type CropRect } from '../../renderer/features/desk/crop-rect';
import { customerLocale } from '../../core/i18n/customer-locale';
import { defaultsSummary } from '../../renderer/features/desk/defaults-line';

describe('desk logic', () => {
  it('marks exactly the per-customer parameters in the catalogue, in catalogue order', () => {
    expect(PER_CUSTOMER_PARAMS).toEqual(['biz_no', 'uuid', 'image_ref1', 'image_ref2', 'biz_extra_data']);
  });

  it('summarises only the profile-given parameters: never a per-customer one, nor comparison_type', () => {
    const line = defaultsSummary({
      return_url: 'https://r.example/',
      uuid: 'c-1',
      biz_no: 'b',
      comparison_type: '0',
      scene_id: '',
      language: '2',
      biz_extra_data: 'x',
    });
    expect(line).toBe('return_url https://r.example/ · language 2');
  });

  it('moves between the three view tabs with arrows (wrapping), Home and End, and ignores other keys', () => {
    expect(tabKeyTarget('ArrowRight', 'desk')).toBe('support');
    expect(tabKeyTarget('ArrowRight', 'expert')).toBe('desk');
    expect(tabKeyTarget('ArrowLeft', 'desk')).toBe('expert');
    expect(tabKeyTarget('Home', 'expert')).toBe('desk');
    expect(tabKeyTarget('End', 'desk')).toBe('expert');
    expect(tabKeyTarget('Enter', 'desk')).toBeUndefined();
  });

  it("speaks to the customer in the token's language, English for Thai and unknown values", () => {
    expect(['0', '1', '2', '3', undefined, '9'].map(customerLocale)).toEqual(['en', 'zh', 'id', 'en', 'en', 'en']);
  });

  it('draws a crop rectangle between two points in any direction, clamped to the picture', () => {
    expect(rectBetween({ x: 0.6, y: 0.5 }, { x: 0.1, y: 0.1 })).toEqual({ x: 0.1, y: 0.1, w: 0.5, h: 0.4 });
    expect(rectBetween({ x: -0.2, y: 0.5 }, { x: 1.4, y: 2 })).toEqual({ x: 0, y: 0.5, w: 1, h: 0.5 });
  });

  it('moves the crop box with the arrow keys and resizes it with Shift, inside the picture, on a 2 % grid', () => {
    const press = (rect: CropRect | null, keys: string[], shift = false) =>
      keys.reduce<CropRect | null>((r, k) => keyedRect(r, k, shift) ?? r, rect);
    expect(keyedRect(null, 'ArrowLeft', false)).toEqual(FIRST_BOX);
    expect(keyedRect(FIRST_BOX, 'a', false)).toBeUndefined();
    const moved = press(FIRST_BOX, Array<string>(5).fill('ArrowLeft'));
    expect(moved).toEqual({ x: 0.15, y: 0.25, w: 0.5, h: 0.5 });
    const resized = press(press(moved, Array<string>(5).fill('ArrowLeft'), true), Array<string>(5).fill('ArrowDown'), true);
    expect(resized).toEqual({ x: 0.15, y: 0.25, w: 0.4, h: 0.6 });
    // Never out of the picture, never smaller than 4 %.
    expect(press(FIRST_BOX, Array<string>(40).fill('ArrowUp'))).toEqual({ x: 0.25, y: 0, w: 0.5, h: 0.5 });
    expect(press(FIRST_BOX, Array<string>(40).fill('ArrowRight'))).toEqual({ x: 0.5, y: 0.25, w: 0.5, h: 0.5 });
    expect(press(FIRST_BOX, Array<string>(40).fill('ArrowRight'), true)).toEqual({ x: 0.25, y: 0.25, w: 0.75, h: 0.5 });
    expect(press(FIRST_BOX, Array<string>(40).fill('ArrowUp'), true)).toEqual({ x: 0.25, y: 0.25, w: 0.5, h: 0.04 });
  });
});
