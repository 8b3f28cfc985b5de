import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Language } from '../../../../shared/model/units';
import { useViewLanguage } from '../../state/context';
import { loose } from '../../i18n';

const CACHE_LIMIT = 2000;

/**
 * i18next's `t` with its answers kept: a lookup with interpolation costs tens of
 * microseconds, and the Results screen asks for dozens of texts on every edit.
 */
function keepAnswers(t: TFunction): TFunction {
  const answers = new Map<string, string>();
  const cached = (key: string, options?: Record<string, unknown>): string => {
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    let answer = answers.get(id);
    if (answer === undefined) {
      answer = loose(t)(key, options);
      if (answers.size >= CACHE_LIMIT) answers.clear();
      answers.set(id, answer);
    }
    return answer;
  };
  return cached as unknown as TFunction;
}

/**
 * UI text in the open model's language. Charts and their exported images are labelled in the
 * model's language (the UI follows it too, one render later).
 */
export function useModelText(): { t: TFunction; language: Language } {
  const language = useViewLanguage();
  // A stable options object: react-i18next recomputes its options whenever this one changes.
  const options = useMemo(() => ({ lng: language }), [language]);
  const { t } = useTranslation(undefined, options);
  const kept = useMemo(() => keepAnswers(t), [t]);
  return { t: kept, language };
}
