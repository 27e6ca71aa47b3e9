/**
 * faceid-api.md for tests that check the code against the documentation: the living copy beside
 * the repository (../shared/faceid-api.md) when it exists, else the copy committed in docs/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const shared = fileURLToPath(new URL('../../../shared/faceid-api.md', import.meta.url));
const committed = fileURLToPath(new URL('../../docs/faceid-api.md', import.meta.url));

export const specPath = existsSync(shared) ? shared : committed;
export const specText = readFileSync(specPath, 'utf8');

/** The text of one section, from its heading to the next heading of level 2 or 3. */
export function specSection(heading: string): string {
  const start = specText.indexOf(heading);
  if (start < 0) throw new Error(`section "${heading}" not found in ${specPath}`);
  const rest = specText.slice(start + heading.length);
  const end = rest.search(/\n#{2,3} /);
  return end < 0 ? rest : rest.slice(0, end);
}
