import type { TFunction } from 'i18next';
import type {
  Breakdown,
  HouseholdsPerMonth,
  ReasonsMatrix,
  ReasonsPerMonth,
} from '../../../../shared/schemas/statistics';
import { displayCount, formatNumber, monthShort, withheld } from '../format';
import type { EChartsCoreOption } from './echarts';
import type { DistrictMap } from './hexmap';

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
const symbols = ['circle', 'rect', 'triangle', 'diamond', 'emptyCircle', 'emptyRect', 'emptyTriangle'];
const dashes = ['solid', 'dashed', 'dotted'] as const;
const barColor = '#1c5d99';
/** light to dark blue: the darker, the more */
const sequential = ['#e3eef9', '#08306b'];
const withheldColor = '#ced4da';

export interface ChartContext {
  t: TFunction;
  /** drawn for paper: no animation, no hover */
  print: boolean;
}

/** Room for the legend beside the lines (long names wrap within it). */
const legendWidth = 190;

const base = ({ print }: ChartContext) => ({
  animation: !print,
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

const axisText = { color: '#343a40', fontSize: 12, lineHeight: 15 };
const numberAxis = {
  type: 'value',
  minInterval: 1,
  axisLabel: { ...axisText, formatter: (v: number) => formatNumber(v) },
  splitLine: { lineStyle: { color: '#dee2e6' } },
};

const legend = (labels: string[]) => ({
  type: 'plain',
  orient: 'vertical',
  right: 0,
  top: 'middle',
  itemGap: 10,
  textStyle: { ...axisText, width: legendWidth - 36, overflow: 'break' },
  data: labels,
});

function monthAxis(months: string[]) {
  return {
    type: 'category',
    data: months,
    boundaryGap: false,
    axisLabel: { ...axisText, formatter: (m: string) => monthShort(m), hideOverlap: true },
  };
}

/** 2. Registered households per site and month, cumulative: a line per site. */
export function householdsLineOption(data: HouseholdsPerMonth, ctx: ChartContext): EChartsCoreOption {
  const names = data.series.map((s) => s.siteName);
  return {
    ...base(ctx),
    legend: legend(names),
    grid: { left: 8, right: legendWidth + 16, top: 16, bottom: 8 },
    xAxis: monthAxis(data.months),
    yAxis: numberAxis,
    series: data.series.map((s, i) => {
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
    series: data.series.map((s, i) => ({
      type: 'line',
      name: s.label,
      symbol: symbols[i % symbols.length],
      symbolSize: 6,
      lineStyle: { width: 2, type: dashes[i % dashes.length] },
      data: s.points.map((p) => (p.count === null ? '-' : p.count)),
    })),
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

/** Black text with a white halo: readable on every shade of the scale, on screen and in print. */
const haloLabel = { color: '#000', textBorderColor: '#fff', textBorderWidth: 2.5, fontSize: 12 };

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

/** 3. Households per district on a registered map (regions named by district code). */
export function districtMapOption(
  data: Breakdown,
  map: DistrictMap,
  labels: Map<string, string>,
  ctx: ChartContext,
  /** false: only the districts' names (a preview of the map without figures) */
  counts = true,
): EChartsCoreOption {
  const byCode = new Map(data.items.filter((i) => i.code).map((i) => [i.code as string, i]));
  const max = Math.max(1, ...data.items.map((i) => i.count ?? 0));
  const text = (code: string) => {
    const item = byCode.get(code);
    return displayCount(ctx.t, item, 'count', item?.count ?? 0);
  };
  return {
    ...base(ctx),
    tooltip: ctx.print
      ? { show: false }
      : {
          confine: true,
          formatter: (p: { name: string }) => `${labels.get(p.name) ?? p.name}: ${text(p.name)}`,
        },
    visualMap: {
      show: counts,
      type: 'continuous',
      min: 0,
      max,
      left: 0,
      bottom: 0,
      calculable: false,
      itemHeight: 120,
      text: [formatNumber(max), '0'],
      textStyle: axisText,
      inRange: { color: sequential },
    },
    series: [
      {
        type: 'map',
        map: map.name,
        aspectScale: map.aspect,
        roam: false,
        selectedMode: false,
        // the box the map fits into (keeping its aspect): beside the colour scale
        left: 64,
        right: 8,
        top: 8,
        bottom: 8,
        preserveAspect: 'contain',
        itemStyle: { areaColor: '#f1f3f5', borderColor: '#495057', borderWidth: 1 },
        emphasis: { disabled: true },
        label: {
          show: true,
          ...haloLabel,
          fontSize: 11,
          lineHeight: 14,
          formatter: (p: { name: string }) =>
            counts ? `${labels.get(p.name) ?? p.name}\n${text(p.name)}` : (labels.get(p.name) ?? p.name),
        },
        data: map.codes.map((code) => {
          const item = byCode.get(code);
          // a withheld count stays off the scale: drawn grey, labelled "< 3"
          return withheld(item, 'count')
            ? {
                name: code,
                value: -1,
                visualMap: false,
                itemStyle: { areaColor: withheldColor, color: withheldColor },
              }
            : { name: code, value: item?.count ?? 0 };
        }),
      },
    ],
  };
}
