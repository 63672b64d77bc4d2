import { BarChart, HeatmapChart, LineChart, MapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendPlainComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// only what the report draws: a plain legend (no scrolling one), a continuous visual map (heatmap and
// district map), the canvas renderer; the print view adds the SVG renderer (charts/svg.ts)
use([
  BarChart,
  HeatmapChart,
  LineChart,
  MapChart,
  GridComponent,
  LegendPlainComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  CanvasRenderer,
]);

export type { EChartsCoreOption, EChartsType } from 'echarts/core';
export { init, registerMap } from 'echarts/core';
