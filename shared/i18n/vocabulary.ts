import { createInstance, type i18n as I18n } from 'i18next';
import type { Language } from '../model/units';
import { NAMESPACES, VOCABULARY, type Namespace, type Vocabulary } from './resources';

export type { Namespace } from './resources';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** Every key of a table as i18next spells it: nested keys joined by dots, plural suffixes dropped. */
type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${WithoutPlural<K>}` : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type TextKey<N extends Namespace> = KeysOf<Vocabulary[N]>;
/** Interpolation values; `count` selects a plural form. */
export type TextParams = Readonly<Record<string, string | number>>;

const instances = new Map<Language, I18n>();

function instanceFor(language: Language): I18n {
  let instance = instances.get(language);
  if (instance === undefined) {
    instance = createInstance();
    // Resources are in memory, so init is synchronous with initAsync off: text() can answer at once.
    void instance.init({
      resources: VOCABULARY,
      lng: language,
      fallbackLng: 'en',
      ns: NAMESPACES,
      defaultNS: false,
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    instances.set(language, instance);
  }
  return instance;
}

/** One text of the vocabulary in a language, with its placeholders filled. */
export function text<N extends Namespace>(language: Language, namespace: N, key: TextKey<N>, params?: TextParams): string {
  // Keys are checked by TextKey<N> above; i18next's own key types (which the renderer turns on
  // for react-i18next) know no namespace chosen at run time, so the call goes through a plain signature.
  const t = instanceFor(language).t as unknown as (key: string, options: Record<string, unknown>) => string;
  return t(key, { ...params, ns: namespace, lng: language });
}

/** A translator bound to one language, for code that words many texts at once (workbook, deck, CLI). */
export function translator(language: Language): <N extends Namespace>(namespace: N, key: TextKey<N>, params?: TextParams) => string {
  return (namespace, key, params) => text(language, namespace, key, params);
}

/** The texts of one namespace in one language, for code that words many texts of that namespace (menus, deck, CLI). */
export type NamespaceText<N extends Namespace> = (key: TextKey<N>, params?: TextParams) => string;

export function namespaceText<N extends Namespace>(language: Language, namespace: N): NamespaceText<N> {
  return (key, params) => text(language, namespace, key, params);
}
