import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { NAMESPACES, VOCABULARY } from '../../../shared/i18n/resources';
import type { Language } from '../../../shared/model/units';

/**
 * The renderer's i18next instance over the one vocabulary (shared/i18n/resources): screens
 * look their words up in the `ui` namespace by default (`t('header.file')`); another namespace
 * is worded with the shared `text(language, 'figures', 'saving.label')`.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: VOCABULARY,
  ns: NAMESPACES,
  defaultNS: 'ui',
  lng: 'zh',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setUiLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}

/**
 * `t` for a key put together at run time (a grid cell's value, a key handed to a helper): the
 * compiler cannot check such a key, test/i18n/parity.test.ts and the screens' tests do.
 */
export type LooseT = (key: string, options?: Record<string, unknown>) => string;

export function loose(t: TFunction): LooseT {
  return t as unknown as LooseT;
}
