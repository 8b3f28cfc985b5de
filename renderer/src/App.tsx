import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setUiLanguage } from './i18n';
import { useWorkspace, useWorkspaceState } from './state/context';
import { Header } from './components/Header';
import { ErrorBanner } from './components/ErrorBanner';
import { DeckDialog } from './components/DeckDialog';
import { NoticeBar } from './components/NoticeBar';
import { ModelsView } from './screens/models/ModelsView';
import { useLibraryState } from './state/library-context';
import { ScenarioList } from './components/ScenarioList';
import { StructureScreen } from './screens/structure/StructureScreen';
import { LeversScreen } from './screens/levers/LeversScreen';
import { RevenueScreen } from './screens/revenue/RevenueScreen';
import { BudgetScreen } from './screens/budget/BudgetScreen';
import { ResultsScreen } from './screens/results/ResultsScreen';
import { CompareScreen } from './screens/compare/CompareScreen';
import { AnalysisScreen } from './screens/analysis/AnalysisScreen';

export const TABS = ['structure', 'levers', 'revenue', 'budget', 'results', 'compare', 'analysis'] as const;
export type Tab = (typeof TABS)[number];

/** The planner: the Models view (where it starts), or the workspace: header, scenarios on the left, one screen at a time. */
export function App() {
  const { t } = useTranslation();
  const status = useWorkspaceState((state) => state.status);
  const hasModel = useWorkspaceState((state) => state.model !== null);
  // The view setting, else the open model's; with no model open (all deleted), the UI keeps the language it had.
  const language = useWorkspaceState((state) => state.view?.language ?? state.model?.language);
  const [tab, setTab] = useState<Tab>('results');
  const view = useLibraryState((state) => state.view);

  useEffect(() => {
    if (language) setUiLanguage(language);
  }, [language]);
  useUndoShortcuts();
  useWindowDialogs();

  if (status === 'loading') return <div className="splash">{t('app.loading')}</div>;
  return (
    <div className="app">
      <Header />
      <ErrorBanner />
      <DeckDialog />
      <NoticeBar />
      {view === 'models' || !hasModel ? (
        <ModelsView />
      ) : (
        <div className="workspace">
          <ScenarioList />
          <main className="main">
            <nav className="tabs" role="tablist">
              {TABS.map((name) => (
                <button
                  key={name}
                  role="tab"
                  aria-selected={tab === name}
                  data-tab={name}
                  className={tab === name ? 'tab active' : 'tab'}
                  onClick={() => setTab(name)}
                >
                  {t(`tabs.${name}`)}
                </button>
              ))}
            </nav>
            <section className="screen" role="tabpanel" data-screen={tab}>
              {tab === 'structure' && <StructureScreen />}
              {tab === 'levers' && <LeversScreen />}
              {tab === 'revenue' && <RevenueScreen />}
              {tab === 'budget' && <BudgetScreen />}
              {tab === 'results' && <ResultsScreen />}
              {tab === 'compare' && <CompareScreen />}
              {tab === 'analysis' && <AnalysisScreen />}
            </section>
          </main>
        </div>
      )}
    </div>
  );
}

/** File > Export client deck (desktop menu) opens the deck's export dialog. */
function useWindowDialogs(): void {
  const workspace = useWorkspace();
  // The only dialog the menus open today; the message names it so that more can follow.
  useEffect(() => window.costPlanner?.onWindowDialog?.(() => workspace.openDeckDialog()), [workspace]);
}

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Y and Ctrl/Cmd+Shift+Z redo, anywhere except while typing in a
 * field (there the field's own undo applies).
 */
function useUndoShortcuts(): void {
  const workspace = useWorkspace();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        if (workspace.getState().canUndo) void workspace.undo();
      } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
        event.preventDefault();
        if (workspace.getState().canRedo) void workspace.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [workspace]);
}
