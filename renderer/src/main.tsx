import './security/zod-jitless';
import { StrictMode } from 'react';
import { Chart } from 'chart.js';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { createApiClient } from './api/client';
import { i18n } from './i18n';
import { WorkspaceContext } from './state/context';
import { Workspace } from './state/workspace';
import { Library } from './state/library';
import { LibraryContext } from './state/library-context';
import { DialogProvider } from './components/dialog';
import './app.css';

const container = document.getElementById('root');
if (container === null) throw new Error('renderer/index.html has no #root element');

const { client, transport } = createApiClient();
const workspace = new Workspace(client);
const library = new Library(client, workspace, transport);
// Exposed only in the build of the end-to-end tests and the UI benchmark (which time edits
// from the page): a production page offers no handle on its workspace, library or API client.
if (__COSTPLAN_TEST_HOOKS__) {
  (window as unknown as { costPlannerWorkspace: Workspace }).costPlannerWorkspace = workspace;
  (window as unknown as { costPlannerLibrary: Library }).costPlannerLibrary = library;
  // Chart.getChart(canvas): tests read a chart's scales, label boxes and drawn marks.
  (window as unknown as { costPlannerChart: typeof Chart }).costPlannerChart = Chart;
}

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <WorkspaceContext.Provider value={workspace}>
        <LibraryContext.Provider value={library}>
          <DialogProvider>
            <App />
          </DialogProvider>
        </LibraryContext.Provider>
      </WorkspaceContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
// The desktop menus (open, new, undo, language...) change the session from the main process.
window.costPlanner?.onSessionChanged((session) => library.followSession(session));
void workspace.load();
