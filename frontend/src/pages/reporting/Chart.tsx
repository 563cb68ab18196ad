// One ECharts canvas for the reporting pages: bars and lines by month, shares as a pie. Only what
// the charts need of ECharts is imported, so the pages' chunk stays small.
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import type { EChartsCoreOption } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface Series {
  name: string;
  /** A value per category; null where the source could not be read (a gap, not a zero). */
  data: (number | null)[];
  kind?: "bar" | "line";
}

/** Series over categories (months, units): bars and lines together. */
export function seriesOption(categories: string[], series: Series[], percent = false): EChartsCoreOption {
  return {
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => (v == null ? "缺失" : percent ? `${Number(v).toFixed(2)}%` : String(v)),
    },
    legend: { data: series.map((s) => s.name) },
    grid: { left: 56, right: 16, bottom: 48 },
    xAxis: { type: "category", data: categories, axisLabel: { rotate: categories.length > 8 ? 30 : 0 } },
    yAxis: { type: "value", ...(percent ? { axisLabel: { formatter: "{value}%" } } : {}) },
    series: series.map((s) => ({ name: s.name, type: s.kind ?? "bar", data: s.data, connectNulls: false })),
  };
}

/** Shares of a whole (columns, channels). */
export function pieOption(name: string, shares: { label: string; count: number }[]): EChartsCoreOption {
  return {
    tooltip: { trigger: "item", formatter: "{b}：{c}（{d}%）" },
    legend: { type: "scroll", bottom: 0 },
    series: [
      {
        name,
        type: "pie",
        radius: ["35%", "65%"],
        data: shares.map((s) => ({ name: s.label, value: s.count })),
      },
    ],
  };
}

export function Chart({ option, label, height = 320 }: { option: EChartsCoreOption; label: string; height?: number }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={element} style={{ width: "100%", height }} role="img" aria-label={label} />;
}
