/** A fixed multipart get_token body for load generators (autocannon sends the same bytes each time). */
import FormData from 'form-data';

/** The body and its content type: a liveness-only call, or a comparison with one photo. */
export function getTokenBody(apiKey: string, apiSecret: string, photo?: Buffer): { body: Buffer; contentType: string } {
  const form = new FormData();
  const fields: [string, string][] = [
    ['api_key', apiKey],
    ['api_secret', apiSecret],
    ['return_url', 'https://bank.example/r'],
    ['notify_url', 'https://bank.example/n'],
    ['biz_no', 'bench-load'],
    ['comparison_type', photo ? '0' : '-1'],
    ['uuid', 'bench-customer'],
  ];
  for (const [k, v] of fields) form.append(k, v);
  if (photo) form.append('image_ref1', photo, { filename: 'ref.jpg', contentType: 'image/jpeg' });
  return { body: form.getBuffer(), contentType: form.getHeaders()['content-type'] as string };
}
