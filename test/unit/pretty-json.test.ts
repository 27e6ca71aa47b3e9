import { describe, expect, it } from 'vitest';
import { prettyJson } from '../../renderer/features/history/pretty-json';

describe('the Pretty view of a response body', () => {
  it('indents a JSON object and keeps every value', () => {
    const body = '{"request_id":"1700000000,abc","time_used":23,"error_message":"BAD_ARGUMENTS: biz_no"}';
    const pretty = prettyJson(body);
    expect(pretty).toBe('{\n  "request_id": "1700000000,abc",\n  "time_used": 23,\n  "error_message": "BAD_ARGUMENTS: biz_no"\n}');
    expect(JSON.parse(pretty ?? '')).toEqual(JSON.parse(body));
  });

  it('offers no Pretty view for what is not a JSON object or array (a proxy page, a bare value, a cut-off body)', () => {
    expect(prettyJson('<html><body>502 Bad Gateway</body></html>')).toBeUndefined();
    expect(prettyJson('"just a string"')).toBeUndefined();
    expect(prettyJson('{"token":"abc"')).toBeUndefined();
  });

  it('refuses to reformat a body whose integers JSON.parse would round, so it never shows a value that was not sent', () => {
    expect(prettyJson('{"biz_id":12345678901234567890}')).toBeUndefined();
    expect(prettyJson('{"n":9007199254740991}')).toContain('9007199254740991');
  });
});
