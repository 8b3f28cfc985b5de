import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { createApiClient } from './api/client';
import { i18n } from './i18n';
import { WorkspaceContext } from './state/context';
import { Workspace } from './state/workspace';
import './app.css';

const container = document.getElementById('root');
if (container === null) throw new Error('renderer/index.html has no #root element');

const { client } = createApiClient();
const workspace = new Workspace(client);
// Exposed only in the build of the end-to-end tests and the UI benchmark (which time edits
// from the page): a production page offers no handle on its workspace or its API client.
if (__COSTPLAN_TEST_HOOKS__) (window as unknown as { costPlannerWorkspace: Workspace }).costPlannerWorkspace = workspace;

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <WorkspaceContext.Provider value={workspace}>
        <App />
      </WorkspaceContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
// The desktop menus (open, new, undo, language...) change the session from the main process.
window.costPlanner?.onSessionChanged((session) => workspace.adopt(session));
void workspace.load();
