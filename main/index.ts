import { app, BrowserWindow, session } from 'electron';
import { createMainWindow } from './window/create-window';
import { startApp } from './window/lifecycle';
import { builtEntryPaths } from './window/paths';

// Thin entry: the window, its security settings and the lifecycle live in ./window.
const paths = builtEntryPaths(import.meta.dirname);

startApp({
  app,
  platform: process.platform,
  defaultSession: () => session.defaultSession,
  createWindow: () => createMainWindow((options) => new BrowserWindow(options), paths),
});
