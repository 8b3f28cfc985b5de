import { useCallback } from 'react';
import type { ApiError } from '../../shared/api/contract';
import { renderProblem, type MessageView } from '../../shared/messages/render';
import type { ModelIssue } from '../../shared/model/validate';
import { useViewLanguage, useViewUnit, useWorkspaceState } from './state/context';

/**
 * Problems of the engine and the store in the screen's language, amounts in the display unit
 * the planner typed them in: every issue carries its problem as a code.
 */
export function issuesText(issues: readonly ModelIssue[], view: MessageView): string {
  return [...new Set(issues.map((issue) => renderProblem(issue.problem, view)))].join(view.language === 'zh' ? '；' : '; ');
}

/** An API error in the screen's language: every error carries its problem. */
export function errorText(error: ApiError, view: MessageView): string {
  return renderProblem(error.problem, view);
}

/** The view messages are worded for: the screen's language and unit, the model's currency. */
export function useMessageView(): MessageView {
  const language = useViewLanguage();
  const unit = useViewUnit();
  const currency = useWorkspaceState((state) => state.model?.currency ?? 'CNY');
  return { language, unit, currency };
}

export function useIssuesText(): (issues: readonly ModelIssue[]) => string {
  const view = useMessageView();
  const { language, unit, currency } = view;
  return useCallback((issues: readonly ModelIssue[]) => issuesText(issues, { language, unit, currency }), [language, unit, currency]);
}
