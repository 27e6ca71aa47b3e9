/** Where the embedded sandbox is served, as the hand-off needs it. */
export interface LanServing {
  baseUrl: string;
  lanBaseUrl: string | null;
}

/** The link a phone can open: a loopback sandbox link moved to the LAN base URL while one is served. */
export function servedUrl(url: string, lan: LanServing | undefined): string {
  if (!lan?.lanBaseUrl) return url;
  const base = lan.baseUrl.replace(/\/+$/, '');
  return url.startsWith(`${base}/`) ? `${lan.lanBaseUrl.replace(/\/+$/, '')}${url.slice(base.length)}` : url;
}
