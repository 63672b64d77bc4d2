import type {
  Breakdown,
  HouseholdsPerMonth,
  ReasonsMatrix,
  ReasonsPerMonth,
} from '../../../../shared/schemas/statistics';
import { displayCount } from '../format';
import type { EChartsCoreOption } from './echarts';
import { partialMonth, withPartialTail } from './partialMonth';
import {
  axisText,
  barColor,
  base,
  type ChartContext,
  dashes,
  haloLabel,
  legend,
  legendWidth,
  monthAxis,
  numberAxis,
  palette,
  sequential,
  symbols,
  withheldColor,
} from './style';

export type { ChartContext } from './style';

const tail = (ctx: ChartContext, months: string[]) => (ctx.to ? partialMonth(ctx.to, months) : null);

/** 2. Registered households per site and month, cumulative: a line per site. */
export function householdsLineOption(data: HouseholdsPerMonth, ctx: ChartContext): EChartsCoreOption {
  const names = data.series.map((s) => s.siteName);
  return {
    ...base(ctx),
    legend: legend(names),
    grid: { left: 8, right: legendWidth + 16, top: 16, bottom: 8 },
    xAxis: monthAxis(data.months),
    yAxis: numberAxis,
    series: withPartialTail(
      data.series.map((s, i) => {
        const byMonth = new Map(s.points.map((p) => [p.month, p]));
        return {
          type: 'line',
          name: s.siteName,
          symbol: symbols[i % symbols.length],
          symbolSize: 6,
          lineStyle: { width: 2, type: dashes[Math.floor(i / palette.length) % dashes.length] },
          connectNulls: false,
          data: data.months.map((m) => {
            const p = byMonth.get(m);
            return p && p.cumulative !== null ? p.cumulative : '-';
          }),
        };
      }),
      data.months,
      tail(ctx, data.months),
    ),
  };
}

/** 7b. Counselling reasons per month and life area. */
export function reasonsTrendOption(data: ReasonsPerMonth, ctx: ChartContext): EChartsCoreOption {
  const names = data.series.map((s) => s.label);
  return {
    ...base(ctx),
    legend: legend(names),
    grid: { left: 8, right: legendWidth + 16, top: 16, bottom: 8 },
    xAxis: monthAxis(data.months),
    yAxis: numberAxis,
    series: withPartialTail(
      data.series.map((s, i) => ({
        type: 'line',
        name: s.label,
        symbol: symbols[i % symbols.length],
        symbolSize: 6,
        lineStyle: { width: 2, type: dashes[i % dashes.length] },
        data: s.points.map((p) => (p.count === null ? '-' : p.count)),
      })),
      data.months,
      tail(ctx, data.months),
    ),
  };
}

/** 4.–6. A breakdown as horizontal bars (long labels stay readable) with their counts ("< 3" where withheld). */
export function barsOption(data: Breakdown, ctx: ChartContext): EChartsCoreOption {
  const items = data.items;
  const texts = items.map((i) => displayCount(ctx.t, i, 'count', i.count));
  return {
    ...base(ctx),
    grid: { left: 8, right: 56, top: 16, bottom: 8 },
    xAxis: numberAxis,
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((i) => i.label),
      axisTick: { show: false },
      axisLabel: { ...axisText, width: 240, overflow: 'break', interval: 0 },
    },
    series: [
      {
        type: 'bar',
        name: ctx.t('statistics.count'),
        barMaxWidth: 40,
        itemStyle: { color: barColor },
        label: {
          show: true,
          position: 'right',
          color: '#1a1b1e',
          formatter: (p: { dataIndex: number }) => texts[p.dataIndex] ?? '',
        },
        data: items.map((i) => i.count ?? 0),
      },
    ],
  };
}

/** 7a. Life area × kind of support: shaded cells with their counts. */
export function heatmapOption(data: ReasonsMatrix, ctx: ChartContext): EChartsCoreOption {
  const cells = new Map(data.cells.map((c) => [`${c.lifeArea}|${c.supportKind}`, c]));
  const points: { value: [number, number, number]; text: string }[] = [];
  data.lifeAreas.forEach((la, y) => {
    data.supportKinds.forEach((sk, x) => {
      const c = cells.get(`${la.code}|${sk.code}`);
      points.push({
        // a withheld count stays off the scale: drawn grey, labelled "< 3"
        value: [x, y, c ? (c.count ?? -1) : 0],
        text: displayCount(ctx.t, c, 'count', c?.count ?? 0),
      });
    });
  });
  const max = Math.max(1, ...data.cells.map((c) => c.count ?? 0));
  return {
    ...base(ctx),
    tooltip: { show: false },
    grid: { left: 8, right: 8, top: 40, bottom: 8 },
    xAxis: {
      type: 'category',
      position: 'top',
      data: data.supportKinds.map((s) => s.label),
      axisLabel: { ...axisText, interval: 0, width: 160, overflow: 'break' },
      axisTick: { show: false },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: data.lifeAreas.map((l) => l.label),
      axisLabel: { ...axisText, width: 240, overflow: 'break', interval: 0 },
      axisTick: { show: false },
    },
    visualMap: {
      type: 'continuous',
      show: false,
      min: 0,
      max,
      inRange: { color: sequential },
    },
    series: [
      {
        type: 'heatmap',
        data: points.map((p) =>
          p.value[2] < 0
            ? { value: p.value, visualMap: false, itemStyle: { color: withheldColor } }
            : { value: p.value },
        ),
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: {
          show: true,
          ...haloLabel,
          formatter: (p: { dataIndex: number }) => points[p.dataIndex].text,
        },
        emphasis: { disabled: true },
      },
    ],
  };
}
