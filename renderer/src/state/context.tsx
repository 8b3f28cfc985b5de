import { createContext, useContext, useSyncExternalStore } from 'react';
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
