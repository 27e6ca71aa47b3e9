/** Service regions the console knows (faceid-api.md §1). */
export const REGIONS = [
  { id: 'idn', label: 'Indonesia', baseUrl: 'https://api-idn.megvii.com', note: 'The region the H5 Lite pages document.' },
  {
    id: 'sgp',
    label: 'Singapore',
    baseUrl: 'https://api-sgp.megvii.com',
    note: 'Documented for the App and H5 RAW APIs; whether H5 Lite is served here is not stated.',
  },
] as const;

export type RegionId = (typeof REGIONS)[number]['id'] | 'custom';

/** The base URL of a known region. */
export function regionBaseUrl(id: Exclude<RegionId, 'custom'>): string {
  return REGIONS.find((r) => r.id === id)?.baseUrl ?? REGIONS[0].baseUrl;
}

/**
 * Checks a custom base URL: HTTPS is required, except for the loopback address 127.0.0.1 where a
 * local sandbox may speak plain HTTP. Returns a message saying what is wrong, or null.
 */
export function checkBaseUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not an absolute URL (expected e.g. https://api-idn.megvii.com).`;
  }
  if (url.username || url.password) return 'The base URL must not contain a user name or password.';
  if (url.search || url.hash) return 'The base URL must not have a query string or fragment.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && url.hostname === '127.0.0.1') return null;
  if (url.protocol === 'http:') return 'The base URL must use HTTPS (plain HTTP is allowed only for 127.0.0.1).';
  return `The base URL must use HTTPS, not ${url.protocol.replace(':', '')}.`;
}
