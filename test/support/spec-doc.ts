/**
 * docs/faceid-api.md for tests that check the code against the documentation. Only the copy in
 * the repository is read: a test must not depend on a file outside it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const specPath = fileURLToPath(new URL('../../docs/faceid-api.md', import.meta.url));
export const specText = readFileSync(specPath, 'utf8');

/** The text of one section, from its heading to the next heading of level 2 or 3. */
export function specSection(heading: string): string {
  const start = specText.indexOf(heading);
  if (start < 0) throw new Error(`section "${heading}" not found in ${specPath}`);
  const rest = specText.slice(start + heading.length);
  const end = rest.search(/\n#{2,3} /);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The rows of the markdown tables of a section whose first cell is a `code` name, as cells. */
export function specRows(heading: string): { name: string; cells: string[] }[] {
  return specSection(heading)
    .split('\n')
    .filter((line) => /^\| `[^`]+` \|/.test(line))
    .map((line) => {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      return { name: (cells[0] ?? '').replace(/`/g, ''), cells };
    });
}
