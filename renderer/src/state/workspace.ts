import type { ApiClient, ApiError, ApiInput, SessionState } from '../../../shared/api/contract';
import { applyEdit } from '../../../shared/edits/apply';
import { assignIds, type EditCommand } from '../../../shared/edits/commands';
import { IncrementalEngine, type ModelResult } from '../../../shared/engine';
import type { Model } from '../../../shared/model/schema';
import type { DisplayUnit, Language } from '../../../shared/model/units';
import { modelIssue, type ModelIssue } from '../../../shared/model/validate';
import { problem, type Problem } from '../../../shared/messages/problems';
import { renderProblem } from '../../../shared/messages/render';
import { err, ok, type Result } from '../../../shared/result';
import { OFFLINE } from '../api/offline';

export type SaveState = 'saved' | 'saving' | 'failed';

export interface WorkspaceState {
  status: 'loading' | 'ready';
  session: SessionState | null;
  /** The model as the planner sees it: edits show here at once, before the file has them. */
  model: Model | null;
  results: ModelResult | null;
  selectedScenarioId: string | null;
  baselineScenarioId: string | null;
  saveState: SaveState;
  canUndo: boolean;
  canRedo: boolean;
  error: ApiError | null;
  /** Edits the screen shows that the file does not hold yet because saving failed (kept, not dropped). */
  unsavedEdits: number;
  busy: 'deck' | null;
  /** The deck's export dialog is open (header button, File menu). */
  deckDialogOpen: boolean;
  /** Milliseconds the last edit took from command to updated figures (for the UI benchmark). */
  lastRecomputeMs: number;
  /**
   * Counts every change of the model on screen (edit, undo, redo, a model taken from the
   * file): a message that offers to undo "its" edit is valid only while this is unchanged.
   */
  changeSerial: number;
  /** Language and display unit of the screen: view settings, never an edit of the model. */
  view: { language: Language; unit: DisplayUnit } | null;
}

type Listener = () => void;

/**
 * The planner's state and every action on it. The engine runs here, so an edit updates every
 * figure at once; the main process writes the same command to the file in the background, in
 * order. If the file refuses it, the model is reloaded from the file and the error shown.
 */
export class Workspace {
  private state: WorkspaceState = {
    status: 'loading',
    session: null,
    model: null,
    results: null,
    selectedScenarioId: null,
    baselineScenarioId: null,
    saveState: 'saved',
    canUndo: false,
    canRedo: false,
    error: null,
    unsavedEdits: 0,
    busy: null,
    deckDialogOpen: false,
    lastRecomputeMs: 0,
    changeSerial: 0,
    view: null,
  };
  private viewPreference: { language?: Language; unit?: DisplayUnit } = {};
  private viewSettingsInFlight = 0;
  private readonly listeners = new Set<Listener>();
  private readonly engine = new IncrementalEngine();
  /** The save queue: one write after another, in edit order; it never rejects. */
  private writes: Promise<void> = Promise.resolve();
  private pendingWrites = 0;
  /** Edits not in the file because the call failed, oldest first; later edits wait behind them. */
  private unsaved: EditCommand[] = [];

  constructor(
    readonly api: ApiClient,
    private readonly newId: () => string = () => crypto.randomUUID().slice(0, 8),
    /** Waits before each retry of a write whose call failed (milliseconds). */
    private readonly retryDelaysMs: readonly number[] = [250, 1_000],
  ) {}

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): WorkspaceState => this.state;

  async load(): Promise<void> {
    const session = await this.api.getSession({});
    if (!session.ok) {
      this.fail(session.error);
      return;
    }
    const settings = await this.api.getSettings({});
    if (settings.ok)
      this.viewPreference = {
        ...(settings.value.uiLanguage ? { language: settings.value.uiLanguage } : {}),
        ...(settings.value.displayUnit ? { unit: settings.value.displayUnit } : {}),
      };
    this.adopt(session.value, settings.ok ? (settings.value.baselineScenarioId ?? null) : null);
  }

  /** Applies an edit locally at once; returns the problems (nothing changes) when it is invalid. */
  edit(command: EditCommand): Result<void, ModelIssue[]> {
    const model = this.state.model;
    if (!model) return err([modelIssue('', problem('no-model', {}))]);
    const readOnly = this.state.session?.readOnly;
    if (readOnly) return err([modelIssue('', readOnly.problem)]);
    const withIds = assignIds(command, this.newId);
    const started = performance.now();
    const applied = applyEdit(model, withIds);
    if (!applied.ok) return err(applied.error);
    const results = this.engine.compute(applied.value.model);
    this.set({
      model: applied.value.model,
      results,
      canUndo: true,
      canRedo: false,
      saveState: 'saving',
      lastRecomputeMs: performance.now() - started,
      changeSerial: this.state.changeSerial + 1,
    });
    this.persist(withIds);
    return ok(undefined);
  }

  async undo(): Promise<void> {
    if (!(await this.saved())) return;
    const response = await this.api.undo({});
    if (response.ok) this.adopt(response.value);
    else this.fail(response.error);
  }

  async redo(): Promise<void> {
    if (!(await this.saved())) return;
    const response = await this.api.redo({});
    if (response.ok) this.adopt(response.value);
    else this.fail(response.error);
  }

  selectScenario(id: string): void {
    this.set({ selectedScenarioId: id });
  }

  async setBaseline(id: string | null): Promise<void> {
    this.set({ baselineScenarioId: id });
    const response = await this.api.updateSettings({ baselineScenarioId: id });
    if (!response.ok) this.fail(response.error);
  }

  /** A view setting kept in the app's settings: not an edit, so Ctrl+Z never switches it back. */
  setLanguage(language: Language): void {
    this.viewPreference = { ...this.viewPreference, language };
    this.set({ view: this.viewOf(this.state.model) });
    this.saveViewSetting({ uiLanguage: language });
  }

  setDisplayUnit(displayUnit: DisplayUnit): void {
    this.viewPreference = { ...this.viewPreference, unit: displayUnit };
    this.set({ view: this.viewOf(this.state.model) });
    this.saveViewSetting({ displayUnit });
  }

  /**
   * A session that answers a request sent before this change (an undo in flight) carries the
   * view settings as they were; while a change is on its way, adopt() keeps the one on screen.
   */
  private saveViewSetting(change: { uiLanguage: Language } | { displayUnit: DisplayUnit }): void {
    this.viewSettingsInFlight += 1;
    void this.api
      .updateSettings(change)
      .then((response) => (response.ok ? undefined : this.fail(response.error)))
      .finally(() => (this.viewSettingsInFlight -= 1));
  }

  /** The app's setting where there is one, else the model's own (its language and unit when it was made). */
  private viewOf(model: Model | null): WorkspaceState['view'] {
    if (!model)
      return this.viewPreference.language && this.viewPreference.unit ? { language: this.viewPreference.language, unit: this.viewPreference.unit } : null;
    return { language: this.viewPreference.language ?? model.language, unit: this.viewPreference.unit ?? model.displayUnit };
  }

  /**
   * Resolves once every edit made so far is in the file (before switching, exporting,
   * importing); edits that failed to save are tried again first, and stay counted if they fail.
   */
  async settled(): Promise<void> {
    await this.saved();
  }

  openDeckDialog(): void {
    if (this.state.model) this.set({ deckDialogOpen: true });
  }

  closeDeckDialog(): void {
    this.set({ deckDialogOpen: false });
  }

  /**
   * The client deck: the desktop asks where in a native save dialog and the main process writes
   * it (null when the dialog is cancelled); the browser gets the bytes to download. The error,
   * with nothing written, when it cannot be built.
   */
  async exportDeck(
    request: ApiInput<'downloadDeck'>,
    transport: 'desktop' | 'browser',
  ): Promise<Result<{ fileName: string; slides: number; base64?: string } | null, ApiError>> {
    await this.writes;
    if (transport === 'desktop') {
      const picked = await this.api.pickFile({ purpose: 'export', kind: 'deck' });
      if (!picked.ok) return err(picked.error);
      if (picked.value === null) return ok(null);
      this.set({ busy: 'deck' });
      const written = await this.api.exportDeck({ ...request, target: picked.value.file });
      this.set({ busy: null });
      return written.ok ? ok({ fileName: written.value.name, slides: written.value.slides }) : err(written.error);
    }
    this.set({ busy: 'deck' });
    const response = await this.api.downloadDeck(request);
    this.set({ busy: null });
    return response.ok ? ok(response.value) : err(response.error);
  }

  /** Shows an error from elsewhere (the model files) in the banner. */
  reportError(error: ApiError): void {
    this.fail(error);
  }

  /** The baseline saved for the open file (after switching files). */
  async loadBaseline(): Promise<void> {
    const settings = await this.api.getSettings({});
    if (!settings.ok) return;
    const id = settings.value.baselineScenarioId ?? null;
    this.set({ baselineScenarioId: this.state.model?.scenarios.some((scenario) => scenario.id === id) ? id : null });
  }

  /** Takes over a session state from the main process (open, undo, redo, restore, import). */
  adopt(session: SessionState, baselineScenarioId: string | null = this.state.baselineScenarioId): void {
    // What the file holds now replaces the screen, including any edits that could not be saved.
    this.unsaved = [];
    const model = session.model;
    if (session.view && this.viewSettingsInFlight === 0)
      this.viewPreference = {
        ...this.viewPreference,
        ...(session.view.language ? { language: session.view.language } : {}),
        ...(session.view.displayUnit ? { unit: session.view.displayUnit } : {}),
      };
    const results = model ? this.engine.compute(model) : null;
    const scenarios = model?.scenarios ?? [];
    const selected = scenarios.some((s) => s.id === this.state.selectedScenarioId) ? this.state.selectedScenarioId : (scenarios[0]?.id ?? null);
    const baseline = scenarios.some((s) => s.id === baselineScenarioId) ? baselineScenarioId : null;
    this.set({
      status: 'ready',
      session,
      model,
      results,
      selectedScenarioId: selected,
      baselineScenarioId: baseline,
      canUndo: session.canUndo,
      canRedo: session.canRedo,
      saveState: 'saved',
      unsavedEdits: 0,
      changeSerial: this.state.changeSerial + 1,
      view: this.viewOf(model),
    });
  }

  dismissError(): void {
    this.set({ error: null });
  }

  /** Sends the edits that failed to save again, in order (the header's "retry" and before undo, export, import). */
  async retrySaving(): Promise<boolean> {
    await this.writes;
    if (this.unsaved.length === 0) return true;
    const waiting = this.unsaved;
    this.unsaved = [];
    this.set({ saveState: 'saving', unsavedEdits: 0, error: null });
    for (const command of waiting) this.persist(command);
    await this.writes;
    return this.unsaved.length === 0;
  }

  /** True once every edit is in the file; false (the error shown) when some cannot be saved now. */
  private async saved(): Promise<boolean> {
    await this.writes;
    return this.retrySaving();
  }

  private persist(command: EditCommand): void {
    this.pendingWrites += 1;
    this.writes = this.writes.then(async () => {
      try {
        await this.write(command);
      } finally {
        this.pendingWrites -= 1;
      }
    });
  }

  /**
   * One edit to the file. A call that fails (the main process or the host did not answer) is
   * tried again after each of retryDelaysMs; if it still fails, the edit and every later one
   * stay on screen, counted as unsaved, with the error, until retrySaving() gets them through.
   * An edit the file refuses is different: the screen goes back to what the file holds.
   */
  private async write(command: EditCommand): Promise<void> {
    if (this.unsaved.length > 0) {
      // An earlier edit is not in the file: this one must not overtake it.
      this.unsaved.push(command);
      this.set({ unsavedEdits: this.unsaved.length, saveState: 'failed' });
      return;
    }
    let failure: Problem = problem('internal-error', { detail: 'no answer' });
    for (let attempt = 0; attempt <= this.retryDelaysMs.length; attempt++) {
      if (attempt > 0) await delay(this.retryDelaysMs[attempt - 1] ?? 0);
      let response: Awaited<ReturnType<ApiClient['applyEdit']>>;
      try {
        response = await this.api.applyEdit({ command });
      } catch (error) {
        // The main process did not answer (the desktop's channel): its own text is only a detail.
        failure = problem('internal-error', { detail: error instanceof Error ? error.message : String(error) });
        continue;
      }
      if (!response.ok && response.error.code === OFFLINE) {
        // The browser's host did not answer: the file may be fine, so the edit waits to be tried again.
        failure = response.error.problem;
        continue;
      }
      if (response.ok) {
        if (this.pendingWrites === 1) this.set({ saveState: 'saved', canUndo: response.value.canUndo, canRedo: response.value.canRedo });
        return;
      }
      // The file refused what the screen already shows: go back to what the file holds.
      this.set({ saveState: 'failed' });
      this.fail(response.error);
      await this.reloadFromFile();
      return;
    }
    this.unsaved.push(command);
    this.set({ saveState: 'failed', unsavedEdits: this.unsaved.length });
    // The reason stays a problem, so the banner words it in the screen's language with the rest.
    const unsaved = problem('save-failed', { reason: failure });
    this.fail({ code: 'save-failed', message: renderProblem(unsaved, { language: 'en', unit: 'yuan' }), problem: unsaved });
  }

  private async reloadFromFile(): Promise<void> {
    try {
      const session = await this.api.getSession({});
      if (session.ok) this.adopt(session.value);
    } catch {
      // The error is already shown; the screen keeps what it has.
    }
  }

  private fail(error: ApiError): void {
    this.set({ error, status: 'ready' });
  }

  private set(patch: Partial<WorkspaceState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
