/**
 * A response body indented for reading, when it is a JSON object or array; undefined otherwise
 * (the raw view then is the only one). Numbers beyond 2^53 would lose digits in JSON.parse, so a
 * body holding one is not reformatted: the pretty view must never show a value the service did not send.
 */
export function prettyJson(body: string): string | undefined {
  const text = body.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  let unsafe = false;
  let value: unknown;
  try {
    value = JSON.parse(text, (_key, v: unknown) => {
      if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v)) unsafe = true;
      return v;
    });
  } catch {
    return undefined;
  }
  return unsafe ? undefined : JSON.stringify(value, null, 2);
}
