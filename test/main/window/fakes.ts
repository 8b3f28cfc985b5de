import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import type { AppWindow } from '../../../main/window/create-window';
import type { AppLike } from '../../../main/window/lifecycle';
import type { HardenableSession, HardenableWebContents, PreventableEvent } from '../../../main/window/security';

/** Plain stand-ins for the parts of Electron's objects the window code touches. */

export class FakeEvent implements PreventableEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type ContentsEvent = 'will-navigate' | 'will-frame-navigate' | 'will-attach-webview';

export class FakeWebContents implements HardenableWebContents {
  readonly listeners = new Map<ContentsEvent, ((event: PreventableEvent) => void)[]>();
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  windowOpenHandlerCalls = 0;

  on(event: ContentsEvent, listener: (event: PreventableEvent) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
    this.windowOpenHandlerCalls += 1;
  }

  /** Emits `name` like Electron would; returns whether a listener prevented the default. */
  emit(name: ContentsEvent): boolean {
    const event = new FakeEvent();
    for (const listener of this.listeners.get(name) ?? []) listener(event);
    return event.defaultPrevented;
  }
}

export function openDetails(url: string): HandlerDetails {
  return { url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'no-referrer' }, postBody: undefined };
}

export class FakeSession implements HardenableSession {
  requestHandler: Parameters<HardenableSession['setPermissionRequestHandler']>[0] | null = null;
  checkHandler: Parameters<HardenableSession['setPermissionCheckHandler']>[0] | null = null;

  setPermissionRequestHandler(handler: Parameters<HardenableSession['setPermissionRequestHandler']>[0]): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: Parameters<HardenableSession['setPermissionCheckHandler']>[0]): void {
    this.checkHandler = handler;
  }
}

export class FakeWindow implements AppWindow {
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  readonly calls: string[] = [];
  minimized = false;
  private readyToShow: (() => void)[] = [];
  private closed: (() => void)[] = [];

  constructor(
    readonly options: unknown = undefined,
    private readonly loadResult: () => Promise<void> = () => Promise.resolve(),
  ) {}

  loadFile(filePath: string): Promise<void> {
    this.loaded.push(filePath);
    return this.loadResult();
  }

  once(_event: 'ready-to-show', listener: () => void): this {
    this.readyToShow.push(listener);
    return this;
  }

  on(_event: 'closed', listener: () => void): this {
    this.closed.push(listener);
    return this;
  }

  show(): void {
    this.calls.push('show');
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.calls.push('restore');
    this.minimized = false;
  }

  focus(): void {
    this.calls.push('focus');
  }

  emitReadyToShow(): void {
    for (const listener of this.readyToShow.splice(0)) listener();
  }

  emitClosed(): void {
    for (const listener of this.closed) listener();
  }
}

type AppEvent = 'second-instance' | 'window-all-closed' | 'activate' | 'web-contents-created';
type AppListener = (event: unknown, contents: HardenableWebContents) => void;

export class FakeApp implements AppLike {
  readonly listeners = new Map<AppEvent, AppListener[]>();
  quitCalls = 0;
  private resolveReady: () => void = () => undefined;
  private readonly ready = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });

  constructor(private readonly lockGranted = true) {}

  requestSingleInstanceLock(): boolean {
    return this.lockGranted;
  }

  quit(): void {
    this.quitCalls += 1;
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  on(event: AppEvent, listener: AppListener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: AppEvent, contents: HardenableWebContents = new FakeWebContents()): void {
    for (const listener of this.listeners.get(event) ?? []) listener({}, contents);
  }

  /** Resolves `whenReady()` and lets its `then` run. */
  async becomeReady(): Promise<void> {
    this.resolveReady();
    await this.ready;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}
