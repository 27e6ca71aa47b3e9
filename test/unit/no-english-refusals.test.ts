/**
 * A guard for "the trusted side returns codes and parameters, never English sentences": every
 * source file of main/ and core/ is parsed with the TypeScript compiler, and an error built as an
 * object literal with a `code` (an ApiError, a VaultError-like refusal, a guard verdict) must not
 * carry a sentence as a string or template literal in `message` or `reason`: its words go in
 * `words` as references (core/result.ts `worded`). The message tables themselves are exempt.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

/**
 * Literal sentences allowed to stay, each with its reason. Empty: a new entry needs a reason a
 * reviewer accepts (for example a wire format the vendor defines).
 */
const ALLOWED: ReadonlyArray<{ file: string; text: string; why: string }> = [];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.tsx?$/.test(d.name) && !/\.d\.ts$/.test(d.name) ? [p] : [];
  });
}

/** The literal text of a string or template literal (substitutions as `${}`), or undefined for any other expression. */
function literalText(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => `\${}${s.literal.text}`).join('');
  return undefined;
}

/** Whether a literal reads as prose: a capital letter or a substitution first, and at least two words. */
const isSentence = (text: string): boolean => /^(?:[A-Z]|\$\{\})/.test(text) && /\S\s+\S/.test(text);

interface Finding {
  file: string;
  line: number;
  property: string;
  text: string;
}

/** Object literals with a `code` whose `message` or `reason` is a literal sentence. */
export function sentencesIn(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Finding[] = [];
  const nameOf = (p: ts.ObjectLiteralElementLike) =>
    (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))
      ? p.name.text
      : undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node) && node.properties.some((p) => nameOf(p) === 'code')) {
      for (const p of node.properties) {
        const name = nameOf(p);
        if ((name === 'message' || name === 'reason') && ts.isPropertyAssignment(p)) {
          const text = literalText(p.initializer);
          if (text !== undefined && isSentence(text)) {
            found.push({ file, line: sf.getLineAndCharacterOfPosition(p.getStart()).line + 1, property: name, text });
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('no English sentence in a refusal from the trusted side', () => {
  it('finds none in main/ and core/ (message tables aside)', () => {
    const files = [...sources(join(ROOT, 'main')), ...sources(join(ROOT, 'core'))];
    expect(files.length).toBeGreaterThan(100);
    const findings = files.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      // A message table holds the sentences by design; everything else refers to them.
      if (text.includes('defineMessages(')) return [];
      return sentencesIn(relative(ROOT, f), text).filter((x) => !ALLOWED.some((a) => a.file === x.file && a.text === x.text));
    });
    expect(findings.map((x) => `${x.file}:${x.line} ${x.property}: ${x.text}`)).toEqual([]);
  });

  it('catches what it guards against, and lets codes, machine reasons and references pass', () => {
    const probe = [
      "fail({ code: 'NOT_FOUND', field: 'id', message: 'No history row.' });",
      'fail({ code: "X", message: `No row ${id}.` });',
      'fail({ code, message: `${address} is not a LAN address.` });',
      "const v = { status: 403, code: 'FOREIGN_ORIGIN', reason: 'Requests from opaque origins are refused.' };",
      // Allowed: the code itself, a machine-readable reason, a reference, a message that is no literal.
      "fail({ code: 'NOT_FOUND', message: 'NOT_FOUND', reason: 'evicted', words: [msg('console', 'history.rowGone', { id })] });",
      'fail({ code: e.code, message: e.message });',
      "const issue = { message: 'Not an error object: it has no code.' };",
    ].join('\n');
    const found = sentencesIn('probe.ts', probe);
    expect(found.map((f) => f.line)).toEqual([1, 2, 3, 4]);
    expect(found.map((f) => f.property)).toEqual(['message', 'message', 'message', 'reason']);
  });
});
