import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Chart } from 'react-chartjs-2';
import { canCopyImages, copyPng, downloadBlob, renderChartPng, safeFileName } from './export';
import { EXPORT_LOOK, SCREEN_LOOK, type ChartLook, type PanelConfig } from './setup';
import { useModelText } from './text';
import './charts.css';

export interface ChartPanelProps {
  /** `chart-<id>` is the panel's data-testid. */
  id: string;
  /** Shown above the chart and drawn into exported images. */
  title: string;
  /** Scenario and unit: under the title on screen and in exported images. */
  subtitle: string;
  /** The subtitle of exported images when it says more than the screen's (model name, axis notes). */
  exportSubtitle?: string;
  /** File name without extension, e.g. the model and chart names. */
  fileName: string;
  /** Builds the chart for a look (screen or slide); memoise it, a new function redraws. */
  build: (look: ChartLook) => PanelConfig;
  /** A short text read by screen readers instead of the canvas. */
  description: string;
  note?: ReactNode;
  height?: number;
  className?: string;
}

type Status = 'idle' | 'rendering' | 'copied' | 'copyFailed' | 'saveFailed';

/**
 * A titled chart with "Save PNG" (drawn again at 1920 x 1080 with a white background, title and
 * unit in the model's language) and, where the clipboard takes images, "Copy". After every
 * redraw `data-drawn` counts up, so tests and the UI benchmark can tell the chart is current.
 */
export function ChartPanel({ id, title, subtitle, exportSubtitle, fileName, build, description, note, height, className }: ChartPanelProps) {
  const { t } = useModelText();
  const config = useMemo(() => build(SCREEN_LOOK), [build]);
  const panel = useRef<HTMLElement>(null);
  const draws = useRef(0);
  const [status, setStatus] = useState<Status>('idle');
  const copyAvailable = useMemo(() => canCopyImages(), []);

  // Runs after react-chartjs-2's own effect (a child's effects run first) has updated the chart.
  useEffect(() => {
    draws.current += 1;
    panel.current?.setAttribute('data-drawn', String(draws.current));
    // The series drawn, for tests and screen readers' inspection tools.
    panel.current?.setAttribute('data-series', config.data.datasets.map((dataset) => dataset.label ?? '').join('|'));
  }, [config]);

  useEffect(() => {
    if (status !== 'copied' && status !== 'copyFailed' && status !== 'saveFailed') return;
    const timer = setTimeout(() => setStatus('idle'), 2500);
    return () => clearTimeout(timer);
  }, [status]);

  const png = () => renderChartPng(build(EXPORT_LOOK), { title, subtitle: exportSubtitle ?? subtitle });
  const save = async () => {
    setStatus('rendering');
    try {
      downloadBlob(await png(), `${safeFileName(fileName)}.png`);
      setStatus('idle');
    } catch {
      setStatus('saveFailed');
    }
  };
  const copy = async () => {
    setStatus('rendering');
    try {
      await copyPng(png());
      setStatus('copied');
    } catch {
      setStatus('copyFailed');
    }
  };

  return (
    <section ref={panel} className={`chart-panel ${className ?? ''}`} data-testid={`chart-${id}`} aria-label={title}>
      <header>
        <div className="chart-heading">
          <h3>{title}</h3>
          <div className="chart-subtitle">{subtitle}</div>
        </div>
        <div className="chart-actions">
          <span className="chart-status" role="status">
            {status === 'copied'
              ? t('charts.copied')
              : status === 'copyFailed'
                ? t('charts.copyFailed')
                : status === 'saveFailed'
                  ? t('charts.saveFailed')
                  : ''}
          </span>
          <button data-action="save-png" disabled={status === 'rendering'} onClick={() => void save()} title={t('charts.savePngHint')}>
            {t('charts.savePng')}
          </button>
          {copyAvailable && (
            <button data-action="copy" disabled={status === 'rendering'} onClick={() => void copy()} title={t('charts.copyHint')}>
              {t('charts.copy')}
            </button>
          )}
        </div>
      </header>
      <div className="chart-box" style={height ? { height } : undefined}>
        <Chart
          type={config.type}
          data={config.data}
          options={config.options}
          plugins={config.plugins}
          updateMode="none"
          aria-label={description}
          fallbackContent={<p>{description}</p>}
        />
      </div>
      {note && <div className="chart-note">{note}</div>}
    </section>
  );
}
