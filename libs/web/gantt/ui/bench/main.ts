import { afterNextRender, ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { GanttBarDragEvent, GanttChartComponent, GanttPreview } from '../src/index';
import { DEMO_START, generateGanttData } from '../src/testing';

declare global {
  interface Window {
    /** Read by bench/run-bench.mjs. */
    ganttBench?: { firstRenderMs: number; tasks: number; links: number };
  }
}

const params = new URLSearchParams(location.search);
const data = generateGanttData({
  tasks: Number(params.get('tasks') ?? 10_000),
  links: Number(params.get('links') ?? 15_000),
});
const t0 = performance.now();

/**
 * Stand-alone page for the chart with generated data: the benchmark loads it in headless
 * Chromium, and it is handy for looking at the chart by hand. A drag shifts the task's
 * direct successors by the same amount as a stand-in for the scheduling engine.
 */
@Component({
  selector: 'ws-bench-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [GanttChartComponent],
  template: `
    <ws-gantt-chart
      [rows]="data.rows"
      [bars]="bars()"
      [links]="links()"
      [shading]="data.shading"
      [preview]="preview()"
      [now]="now"
      [showCriticalPath]="true"
      [(zoom)]="zoom"
      (barDrag)="onDrag($event)"
      (barDragEnd)="onDragEnd($event)"
      (barDragCancel)="preview.set(null)"
      (linkCreate)="links.update((links) => [...links, $event])"
    />
  `,
})
class BenchRootComponent {
  protected readonly data = data;
  protected readonly bars = signal(data.bars);
  protected readonly links = signal(data.links);
  protected readonly preview = signal<GanttPreview | null>(null);
  protected readonly zoom = signal<'hour' | 'day' | 'week' | 'month'>((params.get('zoom') as 'day') ?? 'day');
  protected readonly now = DEMO_START + 3 * 86_400_000 + 10 * 3_600_000;

  constructor() {
    afterNextRender(() => {
      requestAnimationFrame(() => {
        window.ganttBench = {
          firstRenderMs: performance.now() - t0,
          tasks: data.bars.length,
          links: data.links.length,
        };
      });
    });
  }

  protected onDrag(event: GanttBarDragEvent): void {
    const bar = this.bars().find((b) => b.id === event.taskId);
    if (!bar) return;
    const delta = event.finish - bar.finish;
    const preview = new Map([[event.taskId, { start: event.start, finish: event.finish }]]);
    for (const link of this.links()) {
      if (link.predecessorId !== event.taskId) continue;
      const succ = this.bars().find((b) => b.id === link.successorId);
      if (succ && delta > 0) preview.set(succ.id, { start: succ.start + delta, finish: succ.finish + delta });
    }
    this.preview.set(preview);
  }

  protected onDragEnd(event: GanttBarDragEvent): void {
    this.onDrag(event);
    const preview = this.preview();
    this.bars.update((bars) => bars.map((b) => (preview?.has(b.id) ? { ...b, ...preview.get(b.id) } : b)));
    this.preview.set(null);
  }
}

bootstrapApplication(BenchRootComponent).catch((err) => console.error(err));
