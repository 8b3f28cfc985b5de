import { VOCABULARY } from '../i18n/resources';
import { text, type TextKey } from '../i18n/vocabulary';
import type { Language } from '../model/units';

/** Placeholders of a function-valued text, in the order the function takes its arguments. */
export type TextParameters = Readonly<Record<string, readonly string[]>>;

/**
 * A part of the vocabulary's workbook namespaces in the shape the sheet builders read: plain
 * texts as strings, the texts listed in `parameters` as functions of their placeholders.
 * `{{u}}` stays as the `{unit}` marker that withUnit() fills where a label meets a sheet (the
 * unit is the model's, known only then).
 */
export function tableFromVocabulary(
  language: Language,
  namespace: 'workbook' | 'workbookClient',
  parameters: TextParameters,
  special: Readonly<Record<string, (look: (key: string, params?: Record<string, string | number>) => string) => unknown>> = {},
): unknown {
  const look = (key: string, params: Record<string, string | number> = {}) =>
    text(language, namespace, key as TextKey<typeof namespace>, { u: '{unit}', ...params });
  const build = (node: object, prefix: string): unknown =>
    Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        const path = `${prefix}${key}`;
        const make = special[path];
        if (make !== undefined) return [key, make(look)];
        if (typeof value !== 'string') return [key, build(value as object, `${path}.`)];
        const names = parameters[path];
        if (names === undefined) return [key, look(path)];
        return [key, (...args: (string | number)[]) => look(path, Object.fromEntries(names.map((name, index) => [name, args[index] ?? ''])))];
      }),
    );
  return build(VOCABULARY.en[namespace], '');
}

/**
 * A table per language, made on first use: the command line's start-up (`compute` never reads
 * the workbook's words) pays nothing for the languages and tables it does not use.
 */
export function perLanguage<T>(make: (language: Language) => T): Record<Language, T> {
  const made = new Map<Language, T>();
  const get = (language: Language): T => {
    let table = made.get(language);
    if (table === undefined) {
      table = make(language);
      made.set(language, table);
    }
    return table;
  };
  return Object.defineProperties({} as Record<Language, T>, {
    en: { get: () => get('en'), enumerable: true },
    zh: { get: () => get('zh'), enumerable: true },
  });
}
