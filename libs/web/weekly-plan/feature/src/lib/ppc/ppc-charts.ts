import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { PpcReportDto } from '@worksite/shared-make-ready';

/** The option shape of the PPC charts (only the chart kinds and components the page registers). */
export type PpcChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Labels the charts need, already translated. */
export interface PpcChartLabels {
  ppc: string;
  /** The week under way's figure so far. */
  ppcSoFar: string;
  tmr: string;
  count: string;
  cumulative: string;
  reason(code: string): string;
}

const BLUE = '#1c3d5a';
const GREEN = '#2f8f5b';
const ORANGE = '#b44d12';
const PERCENT_AXIS = { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } };

/** Cumulative share (percent, one decimal) of each Pareto bar and the ones before it. */
export function cumulativeShares(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, n) => sum + n, 0);
  let running = 0;
  return counts.map((n) => {
    running += n;
    return total ? Math.round((running / total) * 1000) / 10 : 0;
  });
}

/** "12-07" for a week starting 2026-12-07. */
function weekLabel(weekStart: string): string {
  return weekStart.slice(5);
}

/**
 * PPC and TMR by week (lines, percent). The week under way (`running`, its Monday) is not over:
 * its PPC so far (commitments not yet due count as not done) is drawn apart, dotted from the week
 * before and as a hollow point, not as the plan's collapse.
 */
export function trendOption(report: PpcReportDto, labels: PpcChartLabels, running?: string): PpcChartOption {
  const at = report.weeks.findIndex((w) => w.weekStart === running);
  const ppc = report.weeks.map((w, i) => (i === at ? null : w.ppc));
  const series: LineSeriesOption[] = [
    { name: labels.ppc, type: 'line', data: ppc, color: BLUE, connectNulls: false },
    {
      name: labels.tmr,
      type: 'line',
      data: report.weeks.map((w) => w.tmr),
      color: GREEN,
      lineStyle: { type: 'dashed' },
    },
  ];
  if (at >= 0 && report.weeks[at].ppc !== null) {
    const soFar = report.weeks.map((w, i) => (i === at || i === at - 1 ? w.ppc : null));
    series.push({
      name: labels.ppcSoFar,
      type: 'line',
      data: soFar,
      color: BLUE,
      symbol: 'emptyCircle',
      lineStyle: { type: 'dotted' },
    });
  }
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: series.map((s) => s.name as string), bottom: 0 },
    // Three legend entries take two lines on a phone: room for them under the week labels.
    grid: { left: 44, right: 12, top: 16, bottom: series.length > 2 ? 76 : 48 },
    xAxis: { type: 'category', data: report.weeks.map((w) => weekLabel(w.weekStart)) },
    yAxis: PERCENT_AXIS,
    series,
  };
}

/** PPC per group (department or crew) as horizontal bars: long Chinese names fit a phone's width. */
export function groupOption(rows: { name: string; ppc: number | null }[], labels: PpcChartLabels): PpcChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
    xAxis: PERCENT_AXIS,
    yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true, axisLabel: { interval: 0 } },
    series: [{ name: labels.ppc, type: 'bar', data: rows.map((r) => r.ppc), color: BLUE, barMaxWidth: 22 }],
  };
}

/** Height (px) of a per-group bar chart: every row gets room for its name. */
export function groupChartHeight(rows: number): number {
  return Math.max(160, rows * 26 + 48);
}

/** Reasons for variance: counts as bars, most frequent first, and the cumulative share as a line. */
export function paretoOption(report: PpcReportDto, labels: PpcChartLabels): PpcChartOption {
  const counts = report.pareto.map((p) => p.count);
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.count, labels.cumulative], bottom: 0 },
    grid: { left: 36, right: 44, top: 16, bottom: 64 },
    xAxis: {
      type: 'category',
      data: report.pareto.map((p) => labels.reason(p.reason)),
      axisLabel: { interval: 0, rotate: report.pareto.length > 4 ? 30 : 0 },
    },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { ...PERCENT_AXIS, splitLine: { show: false } },
    ],
    series: [
      { name: labels.count, type: 'bar', data: counts, color: ORANGE, barMaxWidth: 36 },
      { name: labels.cumulative, type: 'line', yAxisIndex: 1, data: cumulativeShares(counts), color: BLUE },
    ],
  };
}
