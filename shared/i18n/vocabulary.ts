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

/** The text a key names in a table: a string literal where the English table is `as const`, else `string`. */
type TextAt<T, K extends string> = K extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? TextAt<T[Head], Rest>
    : never
  : K extends keyof T
    ? T[K]
    : never;

type Trim<S extends string> = S extends ` ${infer Rest}` ? Trim<Rest> : S extends `${infer Rest} ` ? Trim<Rest> : S;

/** The names of a text's `{{placeholders}}`; a format after a comma (`{{n, number}}`) is not part of the name. */
export type Placeholders<S> = S extends `${string}{{${infer P}}}${infer Rest}`
  ? (P extends `${infer Name},${string}` ? Trim<Name> : Trim<P>) | Placeholders<Rest>
  : never;

/**
 * The parameters a text takes after its key. Where the English table is `as const` (the
 * workbook's), every placeholder is a required, named value and a text without placeholders
 * takes none, so a misspelt, missing or stale placeholder fails to compile; elsewhere any values
 * (and plural keys, whose `count` i18next reads, always). `Given` are the placeholders the
 * caller's accessor fills itself.
 */
export type TextArgs<N extends Namespace, K extends string, Given extends string = never> = [TextAt<Vocabulary[N], K>] extends [infer S]
  ? [S] extends [never]
    ? [params?: TextParams]
    : string extends S
      ? [params?: TextParams]
      : [Exclude<Placeholders<S>, Given>] extends [never]
        ? []
        : [params: { readonly [P in Exclude<Placeholders<S>, Given>]: string | number }]
  : never;

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

/** One text of the vocabulary in a language, with its placeholders filled (untyped: the typed doors are below). */
function lookUp(language: Language, namespace: Namespace, key: string, params?: TextParams): string {
  // Keys are checked by TextKey<N> at the typed doors; i18next's own key types (which the renderer
  // turns on for react-i18next) know no namespace chosen at run time, so the call goes through a plain signature.
  const t = instanceFor(language).t as unknown as (key: string, options: Record<string, unknown>) => string;
  return t(key, { ...params, ns: namespace, lng: language });
}

/** One text of the vocabulary in a language, with its placeholders filled. */
export function text<N extends Namespace, const K extends TextKey<N>>(language: Language, namespace: N, key: K, ...params: TextArgs<N, K>): string {
  return lookUp(language, namespace, key, params[0]);
}

/** A translator bound to one language, for code that words many texts at once (workbook, deck, CLI). */
export type Translator = <N extends Namespace, const K extends TextKey<N>>(namespace: N, key: K, ...params: TextArgs<N, K>) => string;

export function translator(language: Language): Translator {
  return (namespace, key, ...params) => lookUp(language, namespace, key, params[0]);
}

/** The texts of one namespace in one language, for code that words many texts of that namespace (menus, deck, CLI). */
export type NamespaceText<N extends Namespace> = <const K extends TextKey<N>>(key: K, ...params: TextArgs<N, K>) => string;

export function namespaceText<N extends Namespace>(language: Language, namespace: N): NamespaceText<N> {
  return (key, ...params) => lookUp(language, namespace, key, params[0]);
}

/**
 * The texts of one namespace in one language with some placeholders always filled the same
 * way (the workbook's `{{u}}`, filled with a marker the sheets replace by the display unit):
 * the callers name only the others. Texts without parameters are looked up once per accessor.
 */
export type FilledText<N extends Namespace, Given extends string> = <const K extends TextKey<N>>(key: K, ...params: TextArgs<N, K, Given>) => string;

export function filledText<N extends Namespace, Given extends string>(
  language: Language,
  namespace: N,
  given: { readonly [P in Given]: string | number },
): FilledText<N, Given> {
  const plain = new Map<string, string>();
  return (key, ...params) => {
    const own = params[0];
    if (own !== undefined) return lookUp(language, namespace, key, { ...given, ...own });
    let found = plain.get(key);
    if (found === undefined) {
      found = lookUp(language, namespace, key, given);
      plain.set(key, found);
    }
    return found;
  };
}
