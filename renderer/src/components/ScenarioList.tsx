import { useTranslation } from 'react-i18next';
import { useIssuesText } from '../messages';
import { useWorkspace, useWorkspaceState } from '../state/context';
import { useDialogs } from './dialog';

/** The scenarios of the model: select, create, clone, rename, delete, mark the baseline. */
export function ScenarioList() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wordIssues = useIssuesText();
  const dialogs = useDialogs();
  const scenarios = useWorkspaceState((state) => state.model?.scenarios ?? []);
  const selected = useWorkspaceState((state) => state.selectedScenarioId);
  const baseline = useWorkspaceState((state) => state.baselineScenarioId);

  const uniqueName = (wanted: string) => {
    const taken = new Set(scenarios.map((s) => s.name.trim().toLowerCase()));
    let name = wanted;
    for (let n = 2; taken.has(name.trim().toLowerCase()); n++) name = `${wanted} ${n}`;
    return name;
  };
  const create = () => {
    const first = scenarios[0];
    workspace.edit({
      type: 'addScenario',
      scenario: {
        name: uniqueName(t('scenarios.newName')),
        horizonYears: first?.horizonYears ?? 3,
        volumeGrowth: first?.volumeGrowth ?? 0,
        discountRate: first?.discountRate ?? 0.08,
        levers: [],
        investments: [],
      },
    });
  };
  const clone = (id: string, name: string) => workspace.edit({ type: 'cloneScenario', scenarioId: id, name: uniqueName(t('scenarios.copyOf', { name })) });
  const rename = async (id: string, name: string) => {
    await dialogs.askText({
      title: t('scenarios.renameTitle'),
      label: t('scenarios.renamePrompt', { name }),
      initial: name,
      confirmLabel: t('scenarios.rename'),
      // A name the model's rules refuse keeps the dialog open with the rule's message.
      check: (next) => {
        if (next === name) return undefined;
        const result = workspace.edit({ type: 'renameScenario', scenarioId: id, name: next });
        return result.ok ? undefined : wordIssues(result.error);
      },
    });
  };
  const remove = async (id: string, name: string) => {
    const confirmed = await dialogs.askConfirm({
      title: t('scenarios.deleteTitle'),
      message: t('scenarios.confirmDelete', { name }),
      confirmLabel: t('scenarios.delete'),
      danger: true,
    });
    if (confirmed) workspace.edit({ type: 'deleteScenario', scenarioId: id });
  };

  return (
    <aside className="sidebar">
      <div className="sidebar-head">
        <h2>{t('scenarios.title')}</h2>
        <button data-testid="scenario-add" onClick={create}>
          + {t('scenarios.add')}
        </button>
      </div>
      {scenarios.length === 0 && <p className="muted">{t('scenarios.none')}</p>}
      <ul className="scenario-list">
        {scenarios.map((scenario) => (
          <li key={scenario.id} data-scenario-id={scenario.id} className={scenario.id === selected ? 'scenario selected' : 'scenario'}>
            <button className="scenario-name" onClick={() => workspace.selectScenario(scenario.id)}>
              {scenario.name}
              {scenario.id === baseline && <span className="badge baseline">{t('scenarios.baseline')}</span>}
            </button>
            <div className="scenario-actions">
              <button data-action="clone" onClick={() => clone(scenario.id, scenario.name)}>
                {t('scenarios.clone')}
              </button>
              <button data-action="rename" onClick={() => void rename(scenario.id, scenario.name)}>
                {t('scenarios.rename')}
              </button>
              <button data-action="baseline" disabled={scenario.id === baseline} onClick={() => void workspace.setBaseline(scenario.id)}>
                {t('scenarios.makeBaseline')}
              </button>
              <button data-action="delete" className="danger" onClick={() => void remove(scenario.id, scenario.name)}>
                {t('scenarios.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </aside>
  );
}
