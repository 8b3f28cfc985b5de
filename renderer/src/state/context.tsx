import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Workspace, WorkspaceState } from './workspace';

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside <WorkspaceContext.Provider>');
  return workspace;
}

/** Re-renders when the selected part of the state changes (compare by identity). */
export function useWorkspaceState<T>(select: (state: WorkspaceState) => T): T {
  const workspace = useWorkspace();
  return useSyncExternalStore(workspace.subscribe, () => select(workspace.getState()));
}
