/**
 * The body of a service error, under the key the vendor sends that code in (the seed's 错误字段名称
 * column, core/faceid/errors.ts `bodyKey`): `error` for AUTHENTICATION_ERROR, AUTHORIZATION_ERROR
 * and API_NOT_FOUND, `error_message` for every other code. Every path of the sandbox (get_token,
 * get_result, unknown paths, fault answers, magic uuids) builds its errors here, so a client that
 * reads only one of the keys fails against the sandbox as it would against the service.
 */
import { errorBodyKey } from '../../core/faceid/errors';

/** `{ error | error_message: "CODE" | "CODE: detail" }` (faceid-api.md §2.6, with the seed's example spacing). */
export function serviceErrorBody(code: string, detail?: string): Record<string, string> {
  return { [errorBodyKey(code)]: detail === undefined ? code : `${code}: ${detail}` };
}
