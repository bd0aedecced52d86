/**
 * One Apache ECharts chart in a React element, drawn by its SVG renderer: labels, legends and axis
 * names are DOM text in the page's own font (Noto Sans SC, bundled), so Chinese renders as in the
 * rest of the console, a test can read them, and nothing needs `unsafe-eval` or a canvas font.
 * Only the pieces the console uses are imported (echarts/core), so Vite bundles about a fifth of
 * the library and nothing is fetched at run time.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export function EChart(props: { option: ChartOption; height: number; label: string; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: 'svg' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const font = getComputedStyle(document.body).fontFamily;
    // No entry animation: a work tool redraws every minute and on each pick, and a half-drawn
    // line (the first days only) reads as missing data.
    chart.current?.setOption(
      { animation: false, textStyle: { fontFamily: font }, ...props.option },
      { notMerge: true },
    );
  }, [props.option]);

  return (
    <div ref={box} role="img" aria-label={props.label} data-testid={props.testId} style={{ height: props.height }} />
  );
}
