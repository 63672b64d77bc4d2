import { useEffect, useRef } from 'react';
import { type EChartsCoreOption, type EChartsType, init } from './echarts';

interface ChartProps {
  option: EChartsCoreOption;
  height: number;
  /** what the chart shows, for assistive technology (the numbers are in the table next to it) */
  label: string;
  /** svg for print (sharp at any resolution); canvas on screen (PNG download) */
  renderer?: 'canvas' | 'svg';
  /** receives the instance (for the PNG download), null when it goes */
  onInstance?(chart: EChartsType | null): void;
  /** called once the chart has drawn its current option */
  onRendered?(): void;
}

/**
 * An ECharts chart as an image with a name: screen readers read the label and then the data table;
 * the canvas itself is not announced.
 */
export function Chart({ option, height, label, renderer = 'canvas', onInstance, onRendered }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const callbacks = useRef({ onInstance, onRendered });
  callbacks.current = { onInstance, onRendered };
  const latest = useRef(option);
  latest.current = option;
  // the option the chart has drawn: on mount both effects run, and the second must not build it again
  const drawn = useRef<EChartsCoreOption | null>(null);

  useEffect(() => {
    const dom = ref.current;
    if (!dom) return;
    const instance = init(dom, null, { renderer });
    chart.current = instance;
    callbacks.current.onInstance?.(instance);
    // data-drawn: the chart is complete (animations included), for the print view's tests and the benchmark
    instance.on('finished', () => {
      dom.dataset.drawn = 'true';
      callbacks.current.onRendered?.();
    });
    dom.dataset.drawn = 'false';
    instance.setOption(latest.current, { notMerge: true });
    drawn.current = latest.current;
    // the observer reports the size once at the start: drawing again for a size the chart has already
    // would render every chart of the page twice on opening it
    const observer = new ResizeObserver(() => {
      if (dom.clientWidth !== instance.getWidth() || dom.clientHeight !== instance.getHeight()) {
        instance.resize();
      }
    });
    observer.observe(dom);
    // printing the page changes its width: draw again for the paper
    const beforePrint = () => instance.resize();
    window.addEventListener('beforeprint', beforePrint);
    return () => {
      window.removeEventListener('beforeprint', beforePrint);
      observer.disconnect();
      callbacks.current.onInstance?.(null);
      chart.current = null;
      drawn.current = null;
      instance.dispose();
    };
  }, [renderer]);

  useEffect(() => {
    if (!chart.current || !ref.current || drawn.current === option) return;
    ref.current.dataset.drawn = 'false';
    chart.current.setOption(option, { notMerge: true });
    drawn.current = option;
  }, [option]);

  return (
    <div ref={ref} role="img" aria-label={label} className="q-chart" style={{ width: '100%', height }} />
  );
}
