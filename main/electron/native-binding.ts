import { join } from 'node:path';

/**
 * Where scripts/prepare-electron.mjs puts better-sqlite3 built for Electron's ABI:
 * `native/electron-<electron version>-<platform>-<arch>/better_sqlite3.node` in the app folder
 * (the project root under `npm start`; inside a package, the unpacked copy beside app.asar).
 * The build in node_modules/better-sqlite3 stays the Node one that tests and the CLI load.
 */
export const NATIVE_FOLDER = 'native';

export function nativeBindingFolderName(electronVersion: string, platform: string, arch: string): string {
  return `electron-${electronVersion}-${platform}-${arch}`;
}

export function electronBindingPath(options: { appPath: string; electronVersion: string; platform: string; arch: string; isPackaged: boolean }): string {
  // Electron reads unpacked files through the archive path too, but a native module must be
  // loaded from a real file: name the unpacked copy directly.
  const appPath = options.isPackaged ? options.appPath.replace(/app\.asar$/, 'app.asar.unpacked') : options.appPath;
  return join(appPath, NATIVE_FOLDER, nativeBindingFolderName(options.electronVersion, options.platform, options.arch), 'better_sqlite3.node');
}
