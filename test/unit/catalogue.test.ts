import { describe, expect, it } from 'vitest';
import { FORM_PARAMS, IMAGE_LIMITS, NOTIFY_PORTS, PARAMS, paramSpec, type ParamSpec } from '../../core/faceid/catalogue';
import { specPath, specSection } from '../support/spec-doc';

/** Parameter names from the first column of the tables of one section of faceid-api.md. */
function tableParams(heading: string): string[] {
  return [...specSection(heading).matchAll(/^\| `([a-z_0-9]+)` \|/gm)].map((m) => m[1] ?? '');
}

describe('parameter catalogue', () => {
  const documented = [...tableParams('### 2.1 Basic parameters'), ...tableParams('### 2.2 Advanced parameters')];

  it('reads both parameter tables of faceid-api.md to their last row', () => {
    expect(documented.length, specPath).toBeGreaterThanOrEqual(25);
    // First and last rows of §2.1 and §2.2: a parser that stops early would miss them.
    expect(documented).toEqual(expect.arrayContaining(['api_key', 'image_ref2', 'biz_extra_data', 'redirect_type']));
  });

  it('covers every get_token parameter of faceid-api.md', () => {
    const missing = documented.filter((name) => !paramSpec(name));
    expect(missing, `missing from core/faceid/catalogue.ts (documented in ${specPath})`).toEqual([]);
  });

  it('has one entry per name, each with a summary, a source and a confidence', () => {
    const names = PARAMS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of PARAMS as readonly ParamSpec[]) {
      expect(p.summary.length, p.name).toBeGreaterThan(10);
      expect(p.sources.length, p.name).toBeGreaterThan(0);
      expect(['official', 'china', 'third-party', 'inferred']).toContain(p.confidence);
    }
  });

  it('groups basic parameters before advanced ones, as the docs do', () => {
    expect(paramSpec('biz_no')?.group).toBe('basic');
    expect(paramSpec('image_ref2')?.group).toBe('basic');
    expect(paramSpec('fmp_mode')?.group).toBe('advanced');
    expect(FORM_PARAMS.some((p) => p.group === 'credential' || p.kind === 'file')).toBe(false);
  });

  it('records the byte limits, ranges and defaults of faceid-api.md', () => {
    expect(paramSpec('biz_no')?.maxBytes).toBe(128);
    expect(paramSpec('uuid')?.maxBytes).toBe(512);
    expect(paramSpec('biz_extra_data')?.maxBytes).toBe(4096);
    expect(paramSpec('maximum_shooting_time')).toMatchObject({ range: { min: 2, max: 60 }, serviceDefault: '15' });
    expect(paramSpec('fmp_mode')?.serviceDefault).toBe('1');
    expect(paramSpec('language')?.serviceDefault).toBe('0');
    expect(NOTIFY_PORTS).toEqual([443, 5000, 16003, 8883, 8028]);
    expect(paramSpec('notify_url')?.ports).toEqual(NOTIFY_PORTS);
    expect(IMAGE_LIMITS).toMatchObject({ maxBytes: 2 * 1024 * 1024, maxSide: 4096, confidence: 'inferred' });
    expect(paramSpec('image_ref1')?.maxBytes).toBe(IMAGE_LIMITS.maxBytes);
  });

  it('knows when each parameter is required', () => {
    for (const name of ['api_key', 'api_secret', 'return_url', 'notify_url', 'biz_no', 'comparison_type']) {
      expect(paramSpec(name)?.required, name).toBe('always');
    }
    expect(paramSpec('uuid')?.required).toBe('always');
    expect(paramSpec('image_ref1')?.required).toBe('with-comparison');
    expect(paramSpec('image_ref2')?.required).toBe('optional');
  });

  it('keeps value lists open where the docs leave them open, closed where they are complete', () => {
    expect(paramSpec('language')?.openValues).toBe(true);
    expect(paramSpec('procedure_type')?.openValues).toBe(true);
    expect(paramSpec('procedure_priority')?.openValues).toBe(true);
    expect(paramSpec('comparison_type')?.openValues).toBeFalsy();
    expect(paramSpec('fmp_mode')?.openValues).toBeFalsy();
    expect(paramSpec('language')?.values?.find((v) => v.value === '2')?.confidence).toBe('third-party');
  });
});
