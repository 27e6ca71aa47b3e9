import { describe, expect, it } from 'vitest';
import { servedUrl } from '../../renderer/features/desk/lan-url';

describe('the hand-off link on a LAN address', () => {
  const url = 'http://127.0.0.1:40123/faceid/lite/do?token=abc';
  it('moves a loopback sandbox link to the LAN base URL while one is served', () => {
    expect(servedUrl(url, { baseUrl: 'http://127.0.0.1:40123', lanBaseUrl: 'http://192.168.1.20:40123' })).toBe(
      'http://192.168.1.20:40123/faceid/lite/do?token=abc',
    );
  });
  it('leaves the link alone on loopback only, before the choice is known, and for another server', () => {
    expect(servedUrl(url, { baseUrl: 'http://127.0.0.1:40123', lanBaseUrl: null })).toBe(url);
    expect(servedUrl(url, undefined)).toBe(url);
    // Same host, another port: not this sandbox's link.
    expect(
      servedUrl('http://127.0.0.1:401234/faceid/lite/do?token=abc', {
        baseUrl: 'http://127.0.0.1:40123',
        lanBaseUrl: 'http://192.168.1.20:40123',
      }),
    ).toBe('http://127.0.0.1:401234/faceid/lite/do?token=abc');
  });
});
