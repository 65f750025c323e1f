import { describe, expect, it } from 'vitest';
import { compressIpv6, describeAddress, describeDevice } from './devices';

describe('describeDevice', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome on Windows'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', 'Chrome on Linux'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari on iPhone'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox on macOS'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge on Windows'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome on Android'],
  ])('reads %s', (userAgent, expected) => {
    expect(describeDevice(userAgent)).toBe(expected);
  });
  it('says so when the browser did not describe itself', () => {
    expect(describeDevice(null)).toBe('An unknown device');
    expect(describeDevice('  ')).toBe('An unknown device');
  });
  it('shows a short unknown description as it is', () => {
    expect(describeDevice('curl/8.5.0')).toBe('curl/8.5.0');
  });
});

describe('describeAddress', () => {
  it('says "this computer" for the server’s own machine, in any spelling', () => {
    for (const ip of ['0:0:0:0:0:0:0:1', '::1', '127.0.0.1', '::ffff:127.0.0.1']) {
      expect(describeAddress(ip)?.loopback).toBe(true);
    }
  });
  it('shows other addresses in their usual short form', () => {
    expect(describeAddress('2001:0db8:0000:0000:0000:0000:0000:0001')).toEqual({ loopback: false, address: '2001:db8::1' });
    expect(describeAddress('::ffff:203.0.113.9')).toEqual({ loopback: false, address: '203.0.113.9' });
    expect(describeAddress('198.51.100.7')).toEqual({ loopback: false, address: '198.51.100.7' });
    expect(describeAddress(null)).toBeNull();
  });
  it('compresses the longest run of zero groups only', () => {
    expect(compressIpv6('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(compressIpv6('fe80:0:0:0:0:0:0:0')).toBe('fe80::');
    expect(compressIpv6('not-an-address')).toBe('not-an-address');
  });
});
