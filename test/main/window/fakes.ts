import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import type { AppWebContents, AppWindow } from '../../../main/window/create-window';
import type { AppLike } from '../../../main/window/lifecycle';
import type { HardenableSession, NavigationEvent, RequestFilter } from '../../../main/window/security';
import type { PageProtocol } from '../../../main/window/page-protocol';
import type { FrameLike } from '../../../main/window/sender';
import type { Rectangle } from '../../../main/window/window-state';

/** Plain stand-ins for the parts of Electron's objects the window code touches. */

export class FakeEvent implements NavigationEvent {
  defaultPrevented = false;
  constructor(readonly url?: string) {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type ContentsEvent = 'will-navigate' | 'will-frame-navigate' | 'will-attach-webview';

let nextRoutingId = 1;

/** A frame as `event.senderFrame` gives it; `url` is the app's page unless a test says otherwise. */
export class FakeFrame implements FrameLike {
  constructor(
    public url = 'file:///app/out/renderer/index.html',
    readonly parent: FrameLike | null = null,
    readonly processId = 7,
    readonly routingId = nextRoutingId++,
  ) {}
}

export class FakeWebContents implements AppWebContents {
  readonly listeners = new Map<ContentsEvent, ((event: NavigationEvent) => void)[]>();
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  windowOpenHandlerCalls = 0;
  readonly mainFrame = new FakeFrame();
  readonly sent: { channel: string; args: unknown[] }[] = [];

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  on(event: ContentsEvent, listener: (event: NavigationEvent) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
    this.windowOpenHandlerCalls += 1;
  }

  /** Emits `name` like Electron would; returns whether a listener prevented the default. */
  emit(name: ContentsEvent, url?: string): boolean {
    const event = new FakeEvent(url);
    for (const listener of this.listeners.get(name) ?? []) listener(event);
    return event.defaultPrevented;
  }
}

export function openDetails(url: string): HandlerDetails {
  return { url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'no-referrer' }, postBody: undefined };
}

type BeforeRequest = Parameters<RequestFilter['onBeforeRequest']>[0];
type HeadersReceived = Parameters<RequestFilter['onHeadersReceived']>[0];

export class FakeWebRequest implements RequestFilter {
  beforeRequest: BeforeRequest | null = null;
  headersReceived: HeadersReceived | null = null;

  onBeforeRequest(listener: BeforeRequest): void {
    this.beforeRequest = listener;
  }

  onHeadersReceived(listener: HeadersReceived): void {
    this.headersReceived = listener;
  }

  /** Whether a request to `url` would be cancelled. */
  cancels(url: string): boolean {
    let cancel: boolean | undefined;
    this.beforeRequest?.({ url }, (response) => {
      cancel = response.cancel;
    });
    if (cancel === undefined) throw new Error('no request filter installed');
    return cancel;
  }
}

/** Electron's `session.protocol`: records the handler the app registers per scheme. */
export class FakeProtocol implements PageProtocol {
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();

  handle(scheme: 'file', handler: (request: Request) => Response | Promise<Response>): void {
    if (this.handlers.has(scheme)) throw new Error(`${scheme} is already handled`);
    this.handlers.set(scheme, handler);
  }

  /** What the app answers for `url`. */
  fetch(url: string): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (handler === undefined) throw new Error(`no handler for ${scheme}`);
    return Promise.resolve(handler(new Request(url)));
  }
}

export class FakeSession implements HardenableSession {
  readonly protocol = new FakeProtocol();
  requestHandler: Parameters<HardenableSession['setPermissionRequestHandler']>[0] | null = null;
  checkHandler: Parameters<HardenableSession['setPermissionCheckHandler']>[0] | null = null;
  readonly webRequest = new FakeWebRequest();

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
  maximized = false;
  bounds: Rectangle = { x: 10, y: 20, width: 1280, height: 820 };
  private readyToShow: (() => void)[] = [];
  private closed: (() => void)[] = [];
  private closing: (() => void)[] = [];

  constructor(
    readonly options?: unknown,
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

  on(event: 'closed' | 'close', listener: () => void): this {
    (event === 'close' ? this.closing : this.closed).push(listener);
    return this;
  }

  maximize(): void {
    this.calls.push('maximize');
    this.maximized = true;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  getNormalBounds(): Rectangle {
    return this.bounds;
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
    for (const listener of this.closing) listener();
    for (const listener of this.closed) listener();
  }
}

type AppEvent = 'second-instance' | 'window-all-closed' | 'activate' | 'web-contents-created' | 'open-file' | 'will-quit';
type AppListener = (event: never, ...args: never[]) => void;

export class FakeApp implements AppLike {
  readonly listeners = new Map<AppEvent, AppListener[]>();
  quitCalls = 0;
  isPackaged = false;
  locale = 'en-US';
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

  getVersion(): string {
    return '9.8.7';
  }

  getLocale(): string {
    return this.locale;
  }

  getPath(_name: 'documents'): string {
    return '/home/planner/Documents';
  }

  getAppPath(): string {
    return '/nonexistent/app';
  }

  on(event: AppEvent, listener: AppListener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  /** Emits like Electron: an event object, then the event's own arguments; returns the event. */
  emitWith(name: AppEvent, ...args: unknown[]): FakeEvent {
    const event = new FakeEvent();
    for (const listener of this.listeners.get(name) ?? []) (listener as (event: unknown, ...rest: unknown[]) => void)(event, ...args);
    return event;
  }

  emit(event: AppEvent, contents: unknown = new FakeWebContents()): void {
    this.emitWith(event, contents);
  }

  /** Resolves `whenReady()` and lets its `then` run. */
  async becomeReady(): Promise<void> {
    this.resolveReady();
    await this.ready;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}
