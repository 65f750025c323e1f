// Sessions as people recognise them: "Chrome on Windows" rather than a User-Agent string, "this computer" rather than
// 0:0:0:0:0:0:0:1.

import { i18n } from '../i18n';

const BROWSERS: Array<[RegExp, string]> = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const SYSTEMS: Array<[RegExp, string]> = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** e.g. "Chrome on Windows", "Safari on iPhone"; "An unknown device" when the browser did not say. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent?.trim()) return i18n.t('sessions.unknownDevice');
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return i18n.t('sessions.browserOn', { browser, system });
  if (browser) return browser;
  if (system) return i18n.t('sessions.aBrowserOn', { system });
  return userAgent.length > 40 ? `${userAgent.slice(0, 40)}…` : userAgent;
}

/** An IPv6 address in its short form (RFC 5952): "0:0:0:0:0:0:0:1" → "::1", lower case, the longest zero run as "::". */
export function compressIpv6(address: string): string {
  const [head = '', tail] = address.toLowerCase().split('::');
  const parts = (s: string) => (s ? s.split(':') : []);
  const groups =
    tail === undefined ? parts(head) : [...parts(head), ...Array(8 - parts(head).length - parts(tail).length).fill('0'), ...parts(tail)];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return address;
  const short = groups.map((g) => g.replace(/^0+(?=.)/, ''));
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8; ) {
    if (short[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && short[j] === '0') j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j;
  }
  if (best.start < 0) return short.join(':');
  return `${short.slice(0, best.start).join(':')}::${short.slice(best.start + best.length).join(':')}`;
}

/**
 * Where a session's last refresh came from, as people read it: `loopback` when it came from the server's own machine
 * (said as "this computer"), and the address in its usual form (IPv6 short, an IPv4-mapped IPv6 as plain IPv4).
 */
export function describeAddress(ip: string | null): { loopback: boolean; address: string } | null {
  const raw = ip?.trim();
  if (!raw) return null;
  const compressed = raw.includes(':') ? compressIpv6(raw.replace(/^\[|\]$/g, '')) : raw;
  const address = compressed.replace(/^::ffff:(?=\d+\.)/, '');
  return { loopback: address === '::1' || address.startsWith('127.'), address };
}
