import { isAppFileUrl } from './app-url';

/** The part of Electron's `WebFrameMain` the trust check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

/** The part of an `ipcMain.handle` event the trust check reads. */
export interface IpcSenderEvent {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
}

/** A window's web contents, as far as the trust check is concerned. */
export interface TrustedContents {
  readonly mainFrame: FrameLike;
}

/**
 * A call is trusted only when it comes from the main frame (no parent, not a subframe) of one
 * of the app's own windows, showing the app's own page (a file inside out/renderer). A call
 * whose frame is gone (navigated or destroyed: Electron then gives null) is not trusted.
 */
export function createSenderCheck(
  windows: () => readonly { readonly webContents: TrustedContents }[],
  rendererDir: string,
): (event: IpcSenderEvent) => boolean {
  return (event) => {
    try {
      const frame = event.senderFrame;
      // Typed as FrameLike | null; Electron has also been seen to give undefined for a destroyed frame.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see the line above
      if (frame === null || frame === undefined || frame.parent !== null) return false;
      const owner = windows().find((window) => window.webContents === event.sender);
      if (owner === undefined) return false;
      const main = owner.webContents.mainFrame;
      if (frame !== main && (frame.processId !== main.processId || frame.routingId !== main.routingId)) return false;
      return isAppFileUrl(frame.url, rendererDir);
    } catch {
      // A frame that was disposed while the call was in flight throws on access.
      return false;
    }
  };
}
