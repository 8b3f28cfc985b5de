import { AllCommunityModule, ModuleRegistry, provideGlobalGridOptions, themeQuartz } from 'ag-grid-community';
import { styleNonce } from '../../security/style-nonce';

/**
 * AG Grid Community only (MIT): every community module is registered once; tree, clipboard,
 * range and fill are built on top of it in this folder. Never import ag-grid-enterprise.
 */
ModuleRegistry.registerModules([AllCommunityModule]);

/**
 * The theme's <style> elements carry the page's nonce: the policy has no 'unsafe-inline' for
 * styles. Set for every grid before the first one is made (this module is imported first).
 */
const nonce = styleNonce();
if (nonce !== undefined) provideGlobalGridOptions({ styleNonce: nonce });

/** The grid look of the planner: quiet, dense, the app's font and accent. */
export const gridTheme = themeQuartz.withParams({
  accentColor: '#0b62a4',
  // System fonts with CJK fallbacks (no web font: the app runs offline).
  fontFamily: "-apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', Roboto, sans-serif",
  fontSize: 13,
  headerFontSize: 12,
  rowHeight: 30,
  headerHeight: 34,
  spacing: 6,
  wrapperBorderRadius: 6,
  borderColor: '#d9dee4',
  headerBackgroundColor: '#f7f8fa',
  headerTextColor: '#616e7c',
  foregroundColor: '#1f2933',
  oddRowBackgroundColor: '#ffffff',
  browserColorScheme: 'light',
});
