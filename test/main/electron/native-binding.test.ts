import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { electronBindingPath, nativeBindingFolderName } from '../../../main/electron/native-binding';
import { currentNativeBinding, openDatabase, useNativeBinding } from '../../../main/store/sqlite';

vi.mock('electron', () => ({}));

const root = join(import.meta.dirname, '..', '..', '..');
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

afterEach(() => useNativeBinding(undefined));

describe('where the Electron build of better-sqlite3 lives', () => {
  it('is native/electron-<version>-<platform>-<arch>/ in the project, as scripts/prepare-electron.mjs writes it', () => {
    const printed = execFileSync(process.execPath, [join(root, 'scripts', 'prepare-electron.mjs'), '--print-path'], { encoding: 'utf8' }).trim();
    expect(printed).toBe(electronBindingPath({ appPath: root, electronVersion, platform: process.platform, arch: process.arch, isPackaged: false }));
    expect(printed).toBe(join(root, 'native', `electron-${electronVersion}-${process.platform}-${process.arch}`, 'better_sqlite3.node'));
  });

  it('is the unpacked copy beside app.asar in a package', () => {
    const path = electronBindingPath({
      appPath: '/opt/Service Cost Planner/resources/app.asar',
      electronVersion: '45.5.0',
      platform: 'linux',
      arch: 'x64',
      isPackaged: true,
    });
    expect(path).toBe(
      join('/opt/Service Cost Planner/resources/app.asar.unpacked/native', nativeBindingFolderName('45.5.0', 'linux', 'x64'), 'better_sqlite3.node'),
    );
  });
});

describe('openDatabase', () => {
  it('uses node_modules/better-sqlite3 (the Node build) when no binding is set', () => {
    expect(currentNativeBinding()).toBeUndefined();
    const db = openDatabase(':memory:');
    expect(db.prepare('select 41 + 1 as answer').get()).toEqual({ answer: 42 });
    db.close();
  });

  it('loads the binding it is given (main/index.ts gives the Electron build)', () => {
    useNativeBinding(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
    const db = openDatabase(':memory:', { readonly: false });
    expect(db.prepare('select 1 as one').get()).toEqual({ one: 1 });
    db.close();
    useNativeBinding(join(root, 'native', 'missing', 'better_sqlite3.node'));
    expect(() => openDatabase(':memory:')).toThrow(/Cannot find module|better_sqlite3/);
  });

  it('keeps the options it is given and opens a serialized copy', () => {
    const source = openDatabase(':memory:');
    source.exec('create table t (x); insert into t values (7)');
    const copy = openDatabase(source.serialize());
    expect(copy.prepare('select x from t').get()).toEqual({ x: 7 });
    copy.close();
    source.close();
  });
});
