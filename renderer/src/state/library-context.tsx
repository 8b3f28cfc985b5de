import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Library, LibraryState } from './library';

export const LibraryContext = createContext<Library | null>(null);

export function useLibrary(): Library {
  const library = useContext(LibraryContext);
  if (!library) throw new Error('useLibrary outside <LibraryContext.Provider>');
  return library;
}

/** Re-renders when the selected part of the model files' state changes (compare by identity). */
export function useLibraryState<T>(select: (state: LibraryState) => T): T {
  const library = useLibrary();
  return useSyncExternalStore(library.subscribe, () => select(library.getState()));
}
