import type { MenuItemConstructorOptions } from 'electron';
import type { ApiResponse } from '../../../shared/api/contract';
import type { ApiMethod } from '../../../shared/api/methods';
import type { DialogOptions, Dialogs, MessageOptions } from '../../../main/electron/commands';
import type { IpcMainLike } from '../../../main/electron/ipc';
import type { IpcSenderEvent } from '../../../main/window/sender';

/** Stand-ins for ipcMain and the native dialogs, next to those of test/main/window/fakes.ts. */

type Listener = (event: IpcSenderEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();

  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  /** Calls a channel like `ipcRenderer.invoke` would, with the event Electron would pass. */
  async invoke(channel: string, event: IpcSenderEvent, ...args: unknown[]): Promise<ApiResponse<ApiMethod>> {
    const listener = this.handlers.get(channel);
    if (listener === undefined) throw new Error(`No handler registered for '${channel}'`);
    return (await listener(event, ...args)) as ApiResponse<ApiMethod>;
  }
}

/** Answers dialogs from queues the test fills; records every dialog shown. */
export class FakeDialogs implements Dialogs {
  readonly shown: { kind: 'open' | 'save' | 'message'; options: DialogOptions | MessageOptions }[] = [];
  readonly openAnswers: (string | undefined)[] = [];
  readonly saveAnswers: (string | undefined)[] = [];
  readonly messageAnswers: number[] = [];

  openFile(options: DialogOptions): Promise<string | undefined> {
    this.shown.push({ kind: 'open', options });
    return Promise.resolve(this.openAnswers.shift());
  }

  saveFile(options: DialogOptions): Promise<string | undefined> {
    this.shown.push({ kind: 'save', options });
    return Promise.resolve(this.saveAnswers.shift());
  }

  message(options: MessageOptions): Promise<number> {
    this.shown.push({ kind: 'message', options });
    return Promise.resolve(this.messageAnswers.shift() ?? 0);
  }

  messages(type?: MessageOptions['type']): MessageOptions[] {
    return this.shown
      .filter((entry) => entry.kind === 'message')
      .map((entry) => entry.options as MessageOptions)
      .filter((options) => type === undefined || options.type === type);
  }
}

/** The labels of a menu template, top level. */
export function menuLabels(template: MenuItemConstructorOptions[] | undefined): (string | undefined)[] {
  return (template ?? []).map((menu) => menu.label);
}

export function findMenuItem(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions | undefined {
  for (const item of template) {
    if (item.id === id) return item;
    if (Array.isArray(item.submenu)) {
      const found = findMenuItem(item.submenu, id);
      if (found) return found;
    }
  }
  return undefined;
}

/** Lets pending promise callbacks and zero-delay timers run. */
export async function settle(ms = 0): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, ms));
}
