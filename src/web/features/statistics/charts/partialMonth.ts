import { monthEnd, todayBerlin } from '../../../../shared/dates';
import { palette } from './style';

/**
 * A period that ends before its last month does (today, mid-month) has an incomplete last month: its
 * count is not comparable with the others, so the charts draw it apart (a dashed, lighter last segment
 * and an open symbol) and the section says "Monat unvollständig (bis 01.12.)" instead of showing an
 * unexplained drop towards zero.
 */
export interface PartialMonth {
  /** YYYY-MM */
  month: string;
  /** the last day with data, DD.MM. */
  until: string;
}

/**
 * The incomplete month of a period: the current month when the period reaches today (months after it
 * have no data yet), else the period's last month when the period ends before that month does.
 */
export function partialMonth(
  to: string,
  months: readonly string[],
  today = todayBerlin(),
): PartialMonth | null {
  const last = to < today ? to : today;
  if (monthEnd(last) === last || !months.includes(last.slice(0, 7))) return null;
  return { month: last.slice(0, 7), until: `${last.slice(8, 10)}.${last.slice(5, 7)}.` };
}

type Value = number | '-';

interface LineSeries {
  name: string;
  data: Value[];
  [key: string]: unknown;
}

/**
 * The line series up to the last complete month, plus, when a month is incomplete, one dashed series per
 * line from the last complete month to it; months after it (no data yet) stay empty. Same name: the
 * legend switches both together; same colour, set explicitly, because ECharts colours by position.
 */
export function withPartialTail(
  series: LineSeries[],
  months: readonly string[],
  partial: PartialMonth | null,
): LineSeries[] {
  const colour = (i: number) => palette[i % palette.length];
  const colored = series.map((s, i) => ({
    ...s,
    itemStyle: { color: colour(i) },
    lineStyle: { ...(s.lineStyle as object), color: colour(i) },
  }));
  const at = partial ? months.indexOf(partial.month) : -1;
  if (at < 0) return colored;
  const main = colored.map((s) => ({ ...s, data: s.data.map((v, k) => (k < at ? v : '-')) }));
  const tails = colored.map((s, i) => ({
    type: 'line',
    name: s.name,
    symbol: 'emptyCircle',
    symbolSize: 7,
    z: 1,
    itemStyle: { color: colour(i), opacity: 0.7 },
    lineStyle: { width: 2, type: 'dashed', color: colour(i), opacity: 0.55 },
    data: s.data.map((v, k) => (k === at || k === at - 1 ? v : '-')),
  }));
  return [...main, ...tails];
}
