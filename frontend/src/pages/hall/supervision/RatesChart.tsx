// The rates as grouped bars (按时、提前、当场办结率), one group per unit, window or clerk.
// Only what the chart needs of ECharts is imported, so the page's chunk stays small.
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { RateRow } from "../../../api/queries/hallSupervision";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const SERIES: { key: "on_time_rate" | "early_rate" | "on_the_spot_rate"; name: string }[] = [
  { key: "on_time_rate", name: "按时办结率" },
  { key: "early_rate", name: "提前办结率" },
  { key: "on_the_spot_rate", name: "当场办结率" },
];

export function RatesChart({ rows }: { rows: RateRow[] }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption({
      // A row with nothing completed has no rate: no bar, and "—" rather than 0 %.
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: unknown) => (v === null || v === undefined ? "—" : `${Number(v).toFixed(1)}%`),
      },
      legend: { data: SERIES.map((s) => s.name) },
      grid: { left: 48, right: 16, bottom: 64 },
      xAxis: { type: "category", data: rows.map((r) => r.label), axisLabel: { rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
      series: SERIES.map((s) => ({
        name: s.name,
        type: "bar",
        data: rows.map((r) => {
          const rate = r[s.key];
          return rate === null ? null : Math.round(rate * 1000) / 10;
        }),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [rows]);
  return <div ref={element} style={{ width: "100%", height: 320 }} role="img" aria-label="办结率图表" />;
}
