import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FORM_PARAMS,
  IMAGE_LIMITS,
  NOTIFY_PORTS,
  PARAMS,
  paramSpec,
  paramSummary,
  type ParamSpec,
  type Requirement,
} from '../../core/faceid/catalogue';
import { faceidText } from '../../core/faceid/messages';
import { specPath, specRows, specSection } from '../support/spec-doc';

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
      expect(faceidText(paramSummary(p.name)).length, p.name).toBeGreaterThan(10);
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

  it('records the image limits of faceid-api.md §2.5, marked inferred', () => {
    const rules = specSection('### 2.5 Reference images');
    const side = Number(/> (\d+) px/.exec(rules)?.[1]);
    const mb = Number(/> (\d+) MB/.exec(rules)?.[1]);
    expect(IMAGE_LIMITS).toMatchObject({ maxBytes: mb * 1024 * 1024, maxSide: side, confidence: 'inferred' });
    expect(paramSpec('image_ref1')?.maxBytes).toBe(IMAGE_LIMITS.maxBytes);
  });

  it('knows when each parameter is required', () => {
    expect(paramSpec('uuid')?.required).toBe('always');
    expect(paramSpec('comparison_type')?.required).toBe('always');
    expect(paramSpec('image_ref1')?.required).toBe('one-photo-with-comparison');
    expect(paramSpec('image_ref2')?.required).toBe('one-photo-with-comparison');
  });

  it('keeps value lists open where the docs leave them open, closed where they are complete', () => {
    expect(paramSpec('language')?.openValues).toBe(true);
    expect(paramSpec('procedure_type')?.openValues).toBe(true);
    expect(paramSpec('procedure_priority')?.openValues).toBe(true);
    expect(paramSpec('comparison_type')?.openValues).toBeFalsy();
    expect(paramSpec('multi_oriented_detection')?.openValues).toBeFalsy();
    expect(paramSpec('fmp_mode')?.openValues).toBe(true);
    expect(paramSpec('get_shooting_error')?.openValues).toBe(true);
    expect(paramSpec('language')?.values?.find((v) => v.value === '2')?.confidence).toBe('third-party');
  });
});

/** §2.1 and §2.2 rows of docs/faceid-api.md, with the columns the two tables share, by name. */
function documentedRows() {
  const basic = specRows('### 2.1 Basic parameters').map(({ name, cells }) => ({
    name,
    required: cells[1] ?? '',
    allowed: cells[3] ?? '',
    def: cells[4] ?? '',
    row: cells.join(' | '),
    source: cells[7] ?? '',
  }));
  const advanced = specRows('### 2.2 Advanced parameters').map(({ name, cells }) => ({
    name,
    required: 'no',
    allowed: cells[2] ?? '',
    def: cells[3] ?? '',
    row: cells.join(' | '),
    source: cells[6] ?? '',
  }));
  return [...basic, ...advanced];
}

/** The requirement a §2.1 "Required" cell states. */
function requirementOf(cell: string): Requirement {
  const text = cell.replace(/\*/g, '');
  if (/image_ref\[x\]|one of `image_ref1`\/`image_ref2`/.test(text)) return 'one-photo-with-comparison';
  if (text.startsWith('yes')) return 'always';
  if (text.startsWith('no')) return 'optional';
  throw new Error(`unreadable Required cell: ${cell}`);
}

/** The default a Default cell states (`"x"`, a number or POST), or undefined for none/unknown. */
function defaultOf(cell: string): string | undefined {
  const m = /`"([^"]+)"`/.exec(cell) ?? /^(\d+|POST)\b/.exec(cell);
  return m?.[1];
}

describe('docs/faceid-api.md §2 and the catalogue say the same', () => {
  const rows = documentedRows();

  it('reads every row of both tables', () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
  });

  it.each(rows.map((r) => [r.name, r] as const))('%s: required-ness', (name, r) => {
    expect(paramSpec(name)?.required).toBe(requirementOf(r.required));
  });

  it.each(rows.map((r) => [r.name, r] as const))('%s: UTF-8 byte limit', (name, r) => {
    const limit = /≤(\d+) bytes/.exec(r.row)?.[1];
    const spec = paramSpec(name);
    if (spec?.kind === 'file') return expect(limit).toBeUndefined();
    expect(spec?.maxBytes).toBe(limit === undefined ? undefined : Number(limit));
  });

  it.each(rows.map((r) => [r.name, r] as const))('%s: range', (name, r) => {
    const m = /(\d+)…(\d+)/.exec(r.allowed);
    expect(paramSpec(name)?.range).toEqual(m ? { min: Number(m[1]), max: Number(m[2]) } : undefined);
  });

  it.each(rows.map((r) => [r.name, r] as const))('%s: service default and whether it is inferred', (name, r) => {
    const spec = paramSpec(name);
    expect(spec?.serviceDefault).toBe(defaultOf(r.def));
    if (spec?.serviceDefault !== undefined && r.def.includes('[INF')) expect(spec.defaultConfidence).toBe('inferred');
  });

  it.each(rows.map((r) => [r.name, r] as const))('%s: the vendor page among the sources exactly when the doc cites it', (name, r) => {
    expect(paramSpec(name)?.sources.includes('SEED')).toBe(r.source.includes('[SEED]'));
  });

  it('has the notify_url ports of §1 and §2.1', () => {
    const fromSection1 = /Callback ports allowed for `notify_url` \| ([\d, ]+) /.exec(specSection('## 1. Regions'))?.[1];
    const fromRow = /ports ([\d/]+)/.exec(rows.find((r) => r.name === 'notify_url')?.allowed ?? '')?.[1];
    expect(fromSection1?.split(', ').map(Number)).toEqual([...NOTIFY_PORTS]);
    expect(fromRow?.split('/').map(Number)).toEqual([...NOTIFY_PORTS]);
    expect(paramSpec('notify_url')?.ports).toEqual(NOTIFY_PORTS);
  });
});

describe("the README's API section and the catalogue say the same", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## The FaceID API, as the console reads it'), readme.indexOf('## Choices where'));

  it('states the byte limits, the range and the always-required parameters of the catalogue', () => {
    for (const p of PARAMS as readonly ParamSpec[]) {
      if (p.maxBytes !== undefined && p.kind !== 'file') expect(section, p.name).toContain(`\`${p.name}\` ${p.maxBytes}`);
    }
    const range = paramSpec('maximum_shooting_time')?.range;
    expect(section).toContain(`\`maximum_shooting_time\` ${range?.min}–${range?.max} s`);
    const required = /\*\*Required\*\*[^:]*: ([^—]+)—/.exec(section)?.[1] ?? '';
    const named = [...required.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]);
    expect(named).toEqual((PARAMS as readonly ParamSpec[]).filter((p) => p.required === 'always').map((p) => p.name));
  });
});
