import { Chart } from 'chart.js';
import { CHART_FONT, COLORS, EXPORT_SIZE, whiteBackground, type PanelConfig } from './setup';

export interface ExportText {
  /** The chart's title, in the model's language. */
  title: string;
  /** Scenario, unit and notes, one line. */
  subtitle: string;
}

/**
 * Draws a chart again, off screen, at presentation size (1920 x 1080, device pixel ratio 1)
 * with a white background, its title and subtitle, and returns it as a PNG. `config` must be
 * built with EXPORT_LOOK (larger fonts and lines).
 */
export async function renderChartPng(config: PanelConfig, text: ExportText, size: { width: number; height: number } = EXPORT_SIZE): Promise<Blob> {
  const holder = document.createElement('div');
  holder.setAttribute('aria-hidden', 'true');
  holder.style.cssText = `position:fixed;left:-${size.width + 100}px;top:0;width:${size.width}px;height:${size.height}px;pointer-events:none;`;
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  canvas.style.width = `${size.width}px`;
  canvas.style.height = `${size.height}px`;
  holder.append(canvas);
  document.body.append(holder);
  const options = config.options ?? {};
  const chart = new Chart(canvas, {
    ...config,
    options: {
      ...options,
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      events: [],
      plugins: {
        ...options.plugins,
        tooltip: { enabled: false },
        title: {
          display: true,
          text: text.title,
          align: 'start',
          color: COLORS.text,
          font: { size: 40, weight: 'bold', family: CHART_FONT },
          padding: { top: 0, bottom: 10 },
        },
        subtitle: {
          display: true,
          text: text.subtitle,
          align: 'start',
          color: COLORS.muted,
          font: { size: 26, family: CHART_FONT },
          padding: { top: 0, bottom: 30 },
        },
      },
    },
    plugins: [...(config.plugins ?? []), whiteBackground],
  });
  try {
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the chart could not be drawn as PNG'))), 'image/png'),
    );
  } finally {
    chart.destroy();
    holder.remove();
  }
}

/** Saves a file through a Blob link (the browser's or Electron's download). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Whether images can go to the clipboard here (the desktop app; secure browser pages too). */
export function canCopyImages(): boolean {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- navigator.clipboard is undefined outside a secure context, whatever lib.dom says
  return typeof ClipboardItem !== 'undefined' && typeof navigator !== 'undefined' && typeof navigator.clipboard?.write === 'function';
}

/** Puts a PNG on the clipboard; the promise form keeps the user's gesture valid while it renders. */
export async function copyPng(png: Promise<Blob>): Promise<void> {
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
}

/** A file name without characters Windows or macOS refuse. */
export function safeFileName(name: string): string {
  return (
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 150) || 'chart'
  );
}
