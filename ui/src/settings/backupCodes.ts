// Backup codes as people handle them: grouped for reading, as a text file to keep.

/** "abcdefghjkmnpqrs" as "abcd-efgh-jkmn-pqrs"; the server ignores the dashes. */
export function groupCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** The secret key grouped by four for typing into an app ("JBSW Y3DP ..."). */
export function groupKey(key: string): string {
  return key.match(/.{1,4}/g)?.join(' ') ?? key;
}

/** The text of the downloaded file: what the codes are for, then one code a line. */
export function backupCodesText(codes: string[], account: string, when: Date): string {
  return [
    'Personal Assistant — backup codes for two-step sign-in',
    `Account: ${account}`,
    `Made: ${when.toISOString().slice(0, 10)}`,
    '',
    'Each code works once, instead of a code from your authenticator app.',
    'Making new codes replaces all of these.',
    '',
    ...codes.map(groupCode),
    '',
  ].join('\n');
}
