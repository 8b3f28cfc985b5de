import { ArcElement, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

/**
 * Chart.js pieces used by the structure and budget charts (react-chartjs-2 registers the
 * doughnut and bar controllers itself). Colours: the Okabe-Ito palette, safe for colour-blind
 * readers, in a fixed order so that a series keeps its colour across charts.
 */
Chart.register(ArcElement, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'] as const;

export const RELEVANCE_COLOURS = { strong: OKABE_ITO[0], weak: OKABE_ITO[1] } as const;

export const CHART_FONT = "-apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', Roboto, sans-serif";
