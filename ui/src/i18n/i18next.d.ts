// Typed keys: t('capture.label') is checked against the English strings at compile time.
import 'i18next';
import type en from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
    returnNull: false;
  }
}
