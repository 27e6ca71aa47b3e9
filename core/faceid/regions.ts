import { msg, type MessageRef } from '../i18n/render';

/** Service regions the console knows (faceid-api.md §1); their names and notes are the profile editor's words (`profiles:editor.region*`). */
export const REGIONS = [
  { id: 'idn', baseUrl: 'https://api-idn.megvii.com' },
  { id: 'sgp', baseUrl: 'https://api-sgp.megvii.com' },
] as const;

export type RegionId = (typeof REGIONS)[number]['id'] | 'custom';

/** The base URL of a known region. */
export function regionBaseUrl(id: Exclude<RegionId, 'custom'>): string {
  return REGIONS.find((r) => r.id === id)?.baseUrl ?? REGIONS[0].baseUrl;
}

/**
 * Checks a custom base URL: HTTPS is required, except for the loopback address 127.0.0.1 where a
 * local sandbox may speak plain HTTP. Returns what is wrong by reference (namespace `console`), or null.
 */
export function checkBaseUrl(raw: string): MessageRef | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return msg('console', 'baseUrl.notAbsolute', { url: raw });
  }
  if (url.username || url.password) return msg('console', 'baseUrl.credentials');
  if (url.search || url.hash) return msg('console', 'baseUrl.queryOrFragment');
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && url.hostname === '127.0.0.1') return null;
  if (url.protocol === 'http:') return msg('console', 'baseUrl.plainHttp');
  return msg('console', 'baseUrl.scheme', { scheme: url.protocol.replace(':', '') });
}
