import { describe, expect, it } from 'vitest';
import { backupCodesText, groupCode, groupKey } from './backupCodes';

describe('backup codes', () => {
  it('groups a code by four with dashes, and a key by four with spaces', () => {
    expect(groupCode('abcdefghjkmnpqrs')).toBe('abcd-efgh-jkmn-pqrs');
    expect(groupKey('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupKey('ABCDEF')).toBe('ABCD EF');
  });
  it('writes a file that says what the codes are for, one code a line', () => {
    const text = backupCodesText(['abcdefghjkmnpqrs', '0123456789abcdef'], 'ada@example.com', new Date('2026-11-25T12:00:00Z'));
    const lines = text.split('\n');
    expect(lines[1]).toBe('Account: ada@example.com');
    expect(lines[2]).toBe('Made: 2026-11-25');
    expect(lines).toContain('abcd-efgh-jkmn-pqrs');
    expect(lines).toContain('0123-4567-89ab-cdef');
  });
});
