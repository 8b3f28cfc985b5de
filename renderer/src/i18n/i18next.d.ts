import type { Vocabulary } from '../../../shared/i18n/resources';

// Typed keys for react-i18next: t('header.file') must name a text of the ui namespace (the
// default one). A misspelt key fails the type check.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    resources: Vocabulary;
  }
}
