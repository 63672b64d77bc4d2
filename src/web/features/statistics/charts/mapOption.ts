import type { Breakdown } from '../../../../shared/schemas/statistics';
import { displayCount, formatNumber, withheld } from '../format';
import type { EChartsCoreOption } from './echarts';
import type { DistrictMap } from './hexmap';
import { axisText, base, type ChartContext, haloLabel, sequential, withheldColor } from './style';

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
