/** Paths of the H5 Lite API (faceid-api.md §2, §3, §5), relative to a region's base URL. */
export const GET_TOKEN_PATH = '/faceid/lite/get_token';
export const DO_PATH = '/faceid/lite/do';
export const GET_RESULT_PATH = '/faceid/lite/get_result';

/** A service URL from a base URL (trailing slashes tolerated). */
export function serviceUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
