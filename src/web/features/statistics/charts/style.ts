import type { TFunction } from 'i18next';
import { formatNumber, monthShort } from '../format';

/**
 * Colours that stay apart for colour-blind readers (Okabe–Ito, without its light yellow) and more; lines
 * also differ in symbol and dash, so a black-and-white print tells them apart too.
 */
export const palette = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#000000',
  '#E69F00',
  '#56B4E9',
  '#882255',
  '#44AA99',
  '#332288',
  '#999933',
  '#AA4499',
];
export const symbols = ['circle', 'rect', 'triangle', 'diamond', 'emptyCircle', 'emptyRect', 'emptyTriangle'];
export const dashes = ['solid', 'dashed', 'dotted'] as const;
export const barColor = '#1c5d99';
/** light to dark blue: the darker, the more */
export const sequential = ['#e3eef9', '#08306b'];
export const withheldColor = '#ced4da';

export interface ChartContext {
  t: TFunction;
  /** drawn for paper: no hover */
  print: boolean;
  /** the report's last day: a last month it ends before is drawn as incomplete (partialMonth.ts) */
  to?: string;
}

/** Room for the legend beside the lines (long names wrap within it). */
export const legendWidth = 190;

/**
 * Charts appear drawn, without animation: a figure that grows for a second is not yet the figure (and each
 * frame of seven animating charts redrew them all, ~1 s of the page's CPU); readers who ask for reduced
 * motion get none either.
 */
export const base = ({ print }: ChartContext) => ({
  animation: false,
  color: palette,
  textStyle: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    color: '#1a1b1e',
  },
  tooltip: print ? { show: false } : { confine: true, valueFormatter: tooltipValue },
});

function tooltipValue(value: unknown): string {
  return typeof value === 'number' ? formatNumber(value) : '–';
}

export const axisText = { color: '#343a40', fontSize: 12, lineHeight: 15 };
export const numberAxis = {
  type: 'value',
  minInterval: 1,
  axisLabel: { ...axisText, formatter: (v: number) => formatNumber(v) },
  splitLine: { lineStyle: { color: '#dee2e6' } },
};

export const legend = (labels: string[]) => ({
  type: 'plain',
  orient: 'vertical',
  right: 0,
  top: 'middle',
  itemGap: 10,
  textStyle: { ...axisText, width: legendWidth - 36, overflow: 'break' },
  data: labels,
});

export function monthAxis(months: string[]) {
  return {
    type: 'category',
    data: months,
    boundaryGap: false,
    axisLabel: { ...axisText, formatter: (m: string) => monthShort(m), hideOverlap: true },
  };
}

/** Black text with a white halo: readable on every shade of the scale, on screen and in print. */
export const haloLabel = { color: '#000', textBorderColor: '#fff', textBorderWidth: 2.5, fontSize: 12 };
