import type { Language } from '../../shared/model/units';

// The menus' and dialogs' words are the `menu` namespace of shared/i18n/resources.

/** The language of a system locale such as `zh-CN` or `en-US`: Chinese for zh-*, else English. */
export function languageOfLocale(locale: string): Language {
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** A snapshot's time for a menu or a dialog: local date and time to the minute. */
export function formatWhen(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
