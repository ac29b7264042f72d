import { TestBed } from '@angular/core/testing';
import { TaskStatus } from '@worksite/shared-domain';
import { GanttChartComponent } from './gantt-chart.component';
import { GANTT_LABELS_EN, provideGanttLabels } from './gantt-labels';
import type { GanttBar } from './gantt.types';

const HOUR = 3_600_000;
/** 2026-03-10 00:00 Asia/Shanghai. */
const DAY0 = Date.UTC(2026, 2, 9, 16);

const bar = (id: string, start: number, finish: number, extra: Partial<GanttBar> = {}): GanttBar => ({
  id,
  rowId: id,
  start,
  finish,
  label: `任务${id}`,
  status: TaskStatus.Planned,
  ...extra,
});

describe('GanttChartComponent: baselines and settled clashes', () => {
  async function render(inputs: Record<string, unknown>): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [provideGanttLabels(GANTT_LABELS_EN)] });
    const fixture = TestBed.createComponent(GanttChartComponent);
    const values: Record<string, unknown> = {
      rows: [
        {
          id: 'g',
          label: '电力',
          rows: [
            { id: 't1', label: '断电' },
            { id: 't2', label: '迁改' },
          ],
        },
      ],
      bars: [
        bar('t1', DAY0 + 8 * HOUR, DAY0 + 10 * HOUR),
        bar('t2', DAY0 + 10 * HOUR, DAY0 + 12 * HOUR, { conflictSettled: true }),
      ],
      zoom: 'hour',
      now: null,
      range: { start: DAY0, finish: DAY0 + 48 * HOUR },
      ...inputs,
    };
    for (const [key, value] of Object.entries(values)) fixture.componentRef.setInput(key, value);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it("draws a baseline bar under its task's bar, in the same row, with the slip after it", async () => {
    const el = await render({
      baselines: [
        { id: 't1', start: DAY0 + 7 * HOUR, finish: DAY0 + 9 * HOUR, label: '+1', late: true, title: 'Baseline' },
        { id: 'deleted-since', start: DAY0, finish: DAY0 + HOUR },
      ],
    });
    const baseline = el.querySelector<HTMLElement>('[data-baseline-id="t1"]');
    const current = el.querySelector<HTMLElement>('[data-task-id="t1"]');
    expect(baseline).not.toBeNull();
    // Hour zoom: 1 px per minute from midnight.
    expect(baseline?.style.left).toBe('420px');
    expect(baseline?.style.width).toBe('120px');
    expect(parseFloat(baseline?.style.top ?? '0')).toBeGreaterThan(
      parseFloat(current?.style.top ?? '0') + parseFloat(current?.style.height ?? '0'),
    );
    expect(baseline?.getAttribute('title')).toBe('Baseline');
    expect(el.querySelector('[data-slip-id="t1"]')?.textContent?.trim()).toBe('+1');
    expect(el.querySelector('[data-baseline-id="deleted-since"]')).toBeNull();
    expect(el.querySelector('[data-baseline-id="t2"]')).toBeNull();
  });

  it('draws no baseline without one, and greys the marker of a task whose clashes are settled', async () => {
    const el = await render({});
    expect(el.querySelectorAll('[data-baseline-id]')).toHaveLength(0);
    const settled = el.querySelector<HTMLElement>('[data-task-id="t2"]');
    expect(settled?.className).toContain('has-settled-conflict');
    expect(settled?.classList.contains('has-conflict')).toBe(false);
    expect(settled?.getAttribute('aria-label')).toContain('conflict accepted');
  });
});
