// Backup codes as people handle them: grouped for reading, as a text file to keep.

import { i18n } from '../i18n';

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
    i18n.t('backupFile.title'),
    i18n.t('backupFile.account', { account }),
    i18n.t('backupFile.made', { day: when.toISOString().slice(0, 10) }),
    '',
    i18n.t('backupFile.once'),
    i18n.t('backupFile.replace'),
    '',
    ...codes.map(groupCode),
    '',
  ].join('\n');
}
