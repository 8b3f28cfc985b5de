import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Model, Scenario } from '../../../shared/model/schema';
import type { ModelResult, ScenarioResult } from '../../../shared/engine/compute';
import type { DisplayUnit, Language } from '../../../shared/model/units';
import type { Workspace, WorkspaceState } from './workspace';

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside <WorkspaceContext.Provider>');
  return workspace;
}

/** The screen's language: the view setting, else the open model's. */
export function useViewLanguage(): Language {
  return useWorkspaceState((state) => state.view?.language ?? state.model?.language ?? 'zh');
}

/** The screen's display unit: the view setting, else the open model's. */
export function useViewUnit(): DisplayUnit {
  return useWorkspaceState((state) => state.view?.unit ?? state.model?.displayUnit ?? 'tenThousand');
}

/** Re-renders when the selected part of the state changes (compare by identity). */
export function useWorkspaceState<T>(select: (state: WorkspaceState) => T): T {
  const workspace = useWorkspace();
  return useSyncExternalStore(workspace.subscribe, () => select(workspace.getState()));
}

/**
 * The open model, its results and the selected scenario with its result (the screens that work
 * on one scenario), and the open file's path, which keys their views so that state resets on a switch.
 */
export function useSelectedScenario(): { model: Model | null; results: ModelResult | null; scenario?: Scenario; result?: ScenarioResult; file: string } {
  const model = useWorkspaceState((state) => state.model);
  const results = useWorkspaceState((state) => state.results);
  const selectedId = useWorkspaceState((state) => state.selectedScenarioId);
  const file = useWorkspaceState((state) => state.session?.file?.path ?? '');
  const index = model?.scenarios.findIndex((scenario) => scenario.id === selectedId) ?? -1;
  const scenario = index >= 0 ? model?.scenarios[index] : undefined;
  const result = index >= 0 ? results?.scenarios[index] : undefined;
  return { model, results, file, ...(scenario ? { scenario } : {}), ...(result ? { result } : {}) };
}
