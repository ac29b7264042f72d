import { ComponentFixture, TestBed } from '@angular/core/testing';
import { DependencyType, TaskStatus } from '@worksite/shared-domain';
import { generateGanttData } from '../testing/gantt-demo-data';
import { GanttChartComponent } from './gantt-chart.component';
import { GANTT_LABELS_EN, provideGanttLabels } from './gantt-labels';
import type { GanttBar, GanttBarDragEvent, GanttGroup } from './gantt.types';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** 2026-03-10 00:00 Asia/Shanghai. */
const DAY0 = Date.UTC(2026, 2, 9, 16);

const PointerCtor: typeof MouseEvent = typeof PointerEvent === 'function' ? PointerEvent : MouseEvent;
function pointer(target: EventTarget, type: string, clientX: number, clientY = 10): void {
  target.dispatchEvent(new PointerCtor(type, { bubbles: true, cancelable: true, clientX, clientY, button: 0 }));
}

/** Three rows in two groups; t1 08:00–10:00, t2 10:00–12:00, t3 13:00–14:00 on day 0. */
function smallPlan(): { rows: GanttGroup[]; bars: GanttBar[] } {
  const bar = (id: string, start: number, finish: number): GanttBar => ({
    id,
    rowId: id,
    start,
    finish,
    label: `任务${id}`,
    status: TaskStatus.Planned,
    color: '#1c7ed6',
  });
  return {
    rows: [
      {
        id: 'power',
        label: '电力',
        rows: [
          { id: 't1', label: '断电' },
          { id: 't2', label: '迁改' },
        ],
      },
      { id: 'telecom', label: '通信', rows: [{ id: 't3', label: '割接' }] },
    ],
    bars: [
      bar('t1', DAY0 + 8 * HOUR, DAY0 + 10 * HOUR),
      bar('t2', DAY0 + 10 * HOUR, DAY0 + 12 * HOUR),
      bar('t3', DAY0 + 13 * HOUR, DAY0 + 14 * HOUR),
    ],
  };
}

describe('GanttChartComponent', () => {
  let fixture: ComponentFixture<GanttChartComponent>;
  let el: HTMLElement;

  async function create(inputs: Record<string, unknown>): Promise<GanttChartComponent> {
    fixture = TestBed.createComponent(GanttChartComponent);
    for (const [key, value] of Object.entries(inputs)) fixture.componentRef.setInput(key, value);
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
    return fixture.componentInstance;
  }

  /** Small plan at hour zoom (1 px = 1 min), x = 0 at day 0 midnight. */
  function createSmall(extra: Record<string, unknown> = {}): Promise<GanttChartComponent> {
    return create({
      ...smallPlan(),
      zoom: 'hour',
      now: null,
      range: { start: DAY0, finish: DAY0 + 48 * HOUR },
      ...extra,
    });
  }

  const barEl = (id: string) => el.querySelector<HTMLElement>(`[data-task-id="${id}"]`) as HTMLElement;
  const viewport = () => el.querySelector<HTMLElement>('.viewport') as HTMLElement;
  const key = (key: string, init: KeyboardEventInit = {}) =>
    viewport().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

  describe('with 10,000 tasks and 15,000 links', () => {
    const data = generateGanttData({ tasks: 10_000, links: 15_000 });

    it('renders only the bars, rows and arrows near the viewport', async () => {
      await create({ ...data, zoom: 'week' });
      const bars = el.querySelectorAll('[data-task-id]').length;
      expect(bars).toBeGreaterThan(0);
      expect(bars).toBeLessThan(80);
      expect(el.querySelectorAll('ws-gantt-row-pane .line').length).toBeLessThanOrEqual(48);
      expect(el.querySelectorAll('path.link').length).toBeLessThan(300);
    });

    it('renders the lines of the new position after a vertical scroll', async () => {
      await create({ ...data, zoom: 'month' });
      expect(el.querySelector('[data-row-id="t0"]')).not.toBeNull();
      viewport().scrollTop = 32 * 5000;
      viewport().dispatchEvent(new Event('scroll'));
      await nextFrame();
      await fixture.whenStable();
      expect(el.querySelector('[data-row-id="t0"]')).toBeNull();
      const rowIds = [...el.querySelectorAll<HTMLElement>('[data-row-id]')].map((r) =>
        Number(r.dataset['rowId']?.slice(1)),
      );
      expect(Math.min(...rowIds)).toBeGreaterThan(4900);
      expect(Math.max(...rowIds)).toBeLessThan(5100);
    });
  });

  it('renders bars with their task id, an accessible name and their time position', async () => {
    await createSmall();
    const t1 = barEl('t1');
    expect(t1.getAttribute('role')).toBe('option');
    expect(t1.getAttribute('aria-label')).toContain('任务t1');
    expect(t1.style.left).toBe('480px');
    expect(t1.style.width).toBe('120px');
    expect(el.querySelector('[data-row-id="t3"]')?.textContent).toContain('割接');
  });

  it('collapses a group: its rows and bars disappear and groupToggle fires', async () => {
    const chart = await createSmall();
    const toggles: unknown[] = [];
    chart.groupToggle.subscribe((e) => toggles.push(e));
    const header = el.querySelector<HTMLButtonElement>('[data-group-id="power"]') as HTMLButtonElement;
    expect(header.getAttribute('aria-expanded')).toBe('true');
    expect(header.textContent).toContain('2项');
    header.click();
    await fixture.whenStable();
    expect(toggles).toEqual([{ groupId: 'power', collapsed: true }]);
    expect(el.querySelector('[data-task-id="t1"]')).toBeNull();
    expect(el.querySelector('[data-row-id="t2"]')).toBeNull();
    expect(barEl('t3')).not.toBeNull();
    expect(header.getAttribute('aria-expanded')).toBe('false');
  });

  it('honours the initial collapsed state of a group', async () => {
    const plan = smallPlan();
    await createSmall({ rows: [{ ...plan.rows[0], collapsed: true }, plan.rows[1]] });
    expect(el.querySelector('[data-task-id="t1"]')).toBeNull();
    expect(barEl('t3')).not.toBeNull();
  });

  describe('pointer', () => {
    let drags: GanttBarDragEvent[];
    let ends: GanttBarDragEvent[];
    let cancels: GanttBarDragEvent[];
    let chart: GanttChartComponent;

    beforeEach(async () => {
      chart = await createSmall();
      drags = [];
      ends = [];
      cancels = [];
      chart.barDrag.subscribe((e) => drags.push(e));
      chart.barDragEnd.subscribe((e) => ends.push(e));
      chart.barDragCancel.subscribe((e) => cancels.push(e));
    });

    it('moves a bar on the 15-minute grid and ends the drag on release', async () => {
      pointer(barEl('t1'), 'pointerdown', 500);
      pointer(document, 'pointermove', 510);
      // 8:22 rounds to the same 8:15 slot: no new event.
      pointer(document, 'pointermove', 522);
      pointer(document, 'pointermove', 530);
      await fixture.whenStable();
      expect(drags).toEqual([
        { taskId: 't1', kind: 'move', start: DAY0 + 8 * HOUR + 15 * MIN, finish: DAY0 + 10 * HOUR + 15 * MIN },
        { taskId: 't1', kind: 'move', start: DAY0 + 8 * HOUR + 30 * MIN, finish: DAY0 + 10 * HOUR + 30 * MIN },
      ]);
      // The dragged bar follows the pointer and its original place is ghosted.
      expect(barEl('t1').style.left).toBe('510px');
      expect(el.querySelector('[data-ghost-id="t1"]')).not.toBeNull();
      pointer(document, 'pointerup', 530);
      await fixture.whenStable();
      expect(ends).toEqual([drags[1]]);
      expect(barEl('t1').style.left).toBe('480px');
    });

    it('resizes from the end handle', () => {
      const handle = barEl('t2').querySelector('[data-handle="resize-end"]') as HTMLElement;
      pointer(handle, 'pointerdown', 720);
      pointer(document, 'pointermove', 780);
      pointer(document, 'pointerup', 780);
      expect(ends).toEqual([{ taskId: 't2', kind: 'resize-end', start: DAY0 + 10 * HOUR, finish: DAY0 + 13 * HOUR }]);
    });

    it('resizes from the start handle', () => {
      const handle = barEl('t2').querySelector('[data-handle="resize-start"]') as HTMLElement;
      pointer(handle, 'pointerdown', 600);
      pointer(document, 'pointermove', 570);
      pointer(document, 'pointerup', 570);
      expect(ends).toEqual([
        { taskId: 't2', kind: 'resize-start', start: DAY0 + 9.5 * HOUR, finish: DAY0 + 12 * HOUR },
      ]);
    });

    it('cancels with Escape and emits the original times', async () => {
      pointer(barEl('t1'), 'pointerdown', 500);
      pointer(document, 'pointermove', 560);
      key('Escape');
      pointer(document, 'pointerup', 560);
      await fixture.whenStable();
      expect(drags).toHaveLength(1);
      expect(cancels).toEqual([{ taskId: 't1', kind: 'move', start: DAY0 + 8 * HOUR, finish: DAY0 + 10 * HOUR }]);
      expect(ends).toEqual([]);
      expect(barEl('t1').style.left).toBe('480px');
    });

    it('selects on click and opens on double-click', () => {
      const selected: (string | null)[] = [];
      const opened: string[] = [];
      chart.taskSelect.subscribe((id) => selected.push(id));
      chart.taskOpen.subscribe((id) => opened.push(id));
      pointer(barEl('t2'), 'pointerdown', 650);
      pointer(barEl('t2'), 'pointerup', 651);
      barEl('t2').dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
      expect(selected).toEqual(['t2']);
      expect(opened).toEqual(['t2']);
      expect(drags).toEqual([]);
    });

    it.each([
      ['link-end', null, DependencyType.FS],
      ['link-start', null, DependencyType.SS],
      ['link-end', 'link-end', DependencyType.FF],
      ['link-end', 'resize-end', DependencyType.FS],
      ['link-start', 'link-end', DependencyType.SF],
    ])('creates a dependency from %s onto %s as %s', (from, onto, type) => {
      const created: unknown[] = [];
      chart.linkCreate.subscribe((e) => created.push(e));
      pointer(barEl('t1').querySelector(`[data-handle="${from}"]`) as HTMLElement, 'pointerdown', 600);
      pointer(document, 'pointermove', 700, 80);
      const target = onto ? (barEl('t3').querySelector(`[data-handle="${onto}"]`) as HTMLElement) : barEl('t3');
      pointer(target, 'pointerup', 790, 80);
      expect(created).toEqual([{ predecessorId: 't1', successorId: 't3', type }]);
      expect(drags).toEqual([]);
    });

    it('does not drag when not editable', async () => {
      fixture.componentRef.setInput('editable', false);
      await fixture.whenStable();
      expect(barEl('t1').querySelector('[data-handle]')).toBeNull();
      pointer(barEl('t1'), 'pointerdown', 500);
      pointer(document, 'pointermove', 560);
      pointer(document, 'pointerup', 560);
      expect(drags).toEqual([]);
      expect(ends).toEqual([]);
    });
  });

  describe('keyboard', () => {
    it('moves the selection between rows, skipping group headers, and opens with Enter', async () => {
      const chart = await createSmall({ selectedTaskId: 't2' });
      const selected: (string | null)[] = [];
      const opened: string[] = [];
      chart.taskSelect.subscribe((id) => selected.push(id));
      chart.taskOpen.subscribe((id) => opened.push(id));
      key('ArrowDown');
      key('ArrowDown');
      key('ArrowUp');
      key('Enter');
      await fixture.whenStable();
      expect(selected).toEqual(['t3', 't2']);
      expect(opened).toEqual(['t2']);
      expect(barEl('t2').getAttribute('aria-selected')).toBe('true');
      expect(viewport().getAttribute('aria-activedescendant')).toBe(barEl('t2').id);
    });

    it('moves with Alt+Arrow and resizes with Shift+Alt+Arrow by one grid step', async () => {
      const chart = await createSmall({ selectedTaskId: 't1' });
      const drags: GanttBarDragEvent[] = [];
      const ends: GanttBarDragEvent[] = [];
      chart.barDrag.subscribe((e) => drags.push(e));
      chart.barDragEnd.subscribe((e) => ends.push(e));
      key('ArrowRight', { altKey: true });
      key('ArrowLeft', { altKey: true, shiftKey: true });
      const moved = {
        taskId: 't1',
        kind: 'move',
        start: DAY0 + 8 * HOUR + 15 * MIN,
        finish: DAY0 + 10 * HOUR + 15 * MIN,
      };
      const resized = { taskId: 't1', kind: 'resize-end', start: DAY0 + 8 * HOUR, finish: DAY0 + 9 * HOUR + 45 * MIN };
      expect(drags).toEqual([moved, resized]);
      expect(ends).toEqual([moved, resized]);
    });

    it('zooms with + and -', async () => {
      const chart = await createSmall({ zoom: 'day' });
      const zooms: string[] = [];
      chart.zoom.subscribe((z) => zooms.push(z));
      key('+');
      await fixture.whenStable();
      key('-');
      key('-');
      await fixture.whenStable();
      expect(zooms).toEqual(['hour', 'day', 'week']);
    });
  });

  it('repositions bars from the preview input and ghosts their original place', async () => {
    await createSmall();
    fixture.componentRef.setInput('preview', new Map([['t3', { start: DAY0 + 15 * HOUR, finish: DAY0 + 16 * HOUR }]]));
    await fixture.whenStable();
    expect(barEl('t3').style.left).toBe('900px');
    expect(barEl('t3').classList).toContain('is-moved');
    expect((el.querySelector('[data-ghost-id="t3"]') as HTMLElement).style.left).toBe('780px');
    fixture.componentRef.setInput('preview', null);
    await fixture.whenStable();
    expect(barEl('t3').style.left).toBe('780px');
    expect(el.querySelector('[data-ghost-id]')).toBeNull();
  });

  it('marks not-ready tasks from a set of ids, keeping the same bar elements', async () => {
    await createSmall();
    const before = barEl('t2');
    expect(before.classList).not.toContain('is-not-ready');
    fixture.componentRef.setInput('notReady', new Set(['t2']));
    await fixture.whenStable();
    expect(barEl('t2')).toBe(before);
    expect(barEl('t2').classList).toContain('is-not-ready');
    expect(barEl('t2').getAttribute('aria-label')).toMatch(/，未就绪$/);
    expect(barEl('t1').classList).not.toContain('is-not-ready');
  });

  it('highlights critical bars and arrows only when the toggle is on', async () => {
    const plan = smallPlan();
    await createSmall({
      bars: plan.bars.map((b) => ({ ...b, critical: true })),
      links: [{ predecessorId: 't1', successorId: 't2', type: DependencyType.FS, critical: true }],
    });
    expect(barEl('t1').classList).not.toContain('is-critical');
    expect(el.querySelector('path.link')?.getAttribute('d')).toBe('M600,48H608V64H592V80H600');
    fixture.componentRef.setInput('showCriticalPath', true);
    await fixture.whenStable();
    expect(barEl('t1').classList).toContain('is-critical');
    expect(el.querySelector('path.link')?.classList).toContain('critical');
  });

  it('opens a dependency clicked near its arrow, or chosen with L on a selected bar, and highlights it', async () => {
    const link = { id: 'l1', predecessorId: 't1', successorId: 't2', type: DependencyType.FS };
    const chart = await createSmall({
      links: [link, { predecessorId: 't2', successorId: 't3', type: DependencyType.SS }],
    });
    const opened: unknown[] = [];
    const selected: unknown[] = [];
    chart.linkOpen.subscribe((e) => opened.push(e));
    chart.taskSelect.subscribe((id) => selected.push(id));
    const chartEl = el.querySelector('.chart') as HTMLElement;
    // The arrow runs M600,48 H608 V64 H592 V80 H600: 3 px beside its vertical run.
    pointer(chartEl, 'pointermove', 611, 56);
    await fixture.whenStable();
    expect(chartEl.classList).toContain('on-link');
    expect(el.querySelector('path.link.hot')?.getAttribute('data-link')).toBe('t1>t2:FS');
    pointer(chartEl, 'pointerdown', 611, 56);
    pointer(chartEl, 'pointerup', 611, 56);
    expect(opened).toEqual([{ link, clientX: 611, clientY: 56 }]);
    expect(selected).toEqual([]);
    // Far from any arrow: a plain click that clears the selection.
    pointer(chartEl, 'pointerdown', 300, 56);
    pointer(chartEl, 'pointerup', 300, 56);
    expect(opened.length).toBe(1);
    // A link without an id (t2 → t3) cannot be opened; L on t2 cycles through the ones that can.
    fixture.componentRef.setInput('selectedTaskId', 't2');
    await fixture.whenStable();
    key('l');
    key('l');
    expect(opened.slice(1).map((e) => (e as { link: unknown }).link)).toEqual([link, link]);
  });

  it('zooms from the toolbar and with ctrl+wheel', async () => {
    const chart = await createSmall({ zoom: 'day' });
    const zooms: string[] = [];
    chart.zoom.subscribe((z) => zooms.push(z));
    (el.querySelector('[data-action="zoom-in"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const wheel = new WheelEvent('wheel', { deltaY: 100, ctrlKey: true, cancelable: true, bubbles: true });
    viewport().dispatchEvent(wheel);
    await fixture.whenStable();
    expect(zooms).toEqual(['hour', 'day']);
    expect(wheel.defaultPrevented).toBe(true);
    expect(el.querySelector('[data-zoom="day"]')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('draws shading, the now line and a two-tier time scale in Chinese', async () => {
    await createSmall({
      now: DAY0 + 9 * HOUR,
      shading: [
        { start: DAY0, finish: DAY0 + 8 * HOUR, kind: 'non-working' },
        { start: DAY0 + 24 * HOUR, finish: DAY0 + 48 * HOUR, kind: 'holiday', label: '清明节' },
      ],
    });
    expect(el.querySelectorAll('rect.shade.non-working')).toHaveLength(1);
    expect(el.querySelector('rect.shade.holiday title')?.textContent).toBe('清明节');
    expect((el.querySelector('.now') as HTMLElement).style.left).toBe('540px');
    expect(el.querySelector('ws-gantt-time-header .top')?.textContent).toContain('2026年3月10日');
    expect(el.querySelector('ws-gantt-time-header .bottom')?.textContent?.trim()).toBe('00:00');
    expect(el.querySelector('[data-action="today"]')?.textContent).toBe('今天');
  });

  it('emits the visible time range', async () => {
    const ranges: unknown[] = [];
    fixture = TestBed.createComponent(GanttChartComponent);
    fixture.componentInstance.rangeChange.subscribe((r) => ranges.push(r));
    const plan = smallPlan();
    fixture.componentRef.setInput('rows', plan.rows);
    fixture.componentRef.setInput('bars', plan.bars);
    fixture.componentRef.setInput('zoom', 'hour');
    fixture.componentRef.setInput('now', null);
    fixture.componentRef.setInput('range', { start: DAY0, finish: DAY0 + 48 * HOUR });
    await fixture.whenStable();
    // Fallback viewport: 1200 px wide minus the 240 px pane = 960 minutes.
    expect(ranges).toEqual([{ start: DAY0, finish: DAY0 + 960 * MIN }]);
  });

  it('selects from the left pane and opens on double-click there', async () => {
    const chart = await createSmall();
    const selected: (string | null)[] = [];
    const opened: string[] = [];
    chart.taskSelect.subscribe((id) => selected.push(id));
    chart.taskOpen.subscribe((id) => opened.push(id));
    const row = el.querySelector('[data-row-id="t3"] .text') as HTMLElement;
    row.click();
    row.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    await fixture.whenStable();
    expect(selected).toEqual(['t3']);
    expect(opened).toEqual(['t3']);
    expect(el.querySelector('[data-row-id="t3"]')?.classList).toContain('selected');
  });

  it('clears the selection when empty chart space is clicked', async () => {
    const chart = await createSmall({ selectedTaskId: 't1' });
    const selected: (string | null)[] = [];
    chart.taskSelect.subscribe((id) => selected.push(id));
    const chartEl = el.querySelector('.chart') as HTMLElement;
    pointer(chartEl, 'pointerdown', 100);
    pointer(chartEl, 'pointerup', 100);
    expect(selected).toEqual([null]);
  });

  it('draws a draft line while a dependency is dragged', async () => {
    await createSmall();
    pointer(barEl('t1').querySelector('[data-handle="link-end"]') as HTMLElement, 'pointerdown', 600, 40);
    pointer(document, 'pointermove', 700, 90);
    await fixture.whenStable();
    const line = el.querySelector('svg.draft line') as SVGLineElement;
    expect([line.getAttribute('x1'), line.getAttribute('y2')]).toEqual(['600', '90']);
    key('Escape');
    await fixture.whenStable();
    expect(el.querySelector('svg.draft')).toBeNull();
  });

  it('scrolls a task into view when the keyboard selects it', async () => {
    const data = generateGanttData({ tasks: 2000, links: 0, groups: 1 });
    await create({ ...data, zoom: 'week', selectedTaskId: 't0', now: null });
    for (let i = 0; i < 40; i++) key('ArrowDown');
    await fixture.whenStable();
    expect(viewport().scrollTop).toBeGreaterThan(0);
    expect(barEl('t40').getAttribute('aria-selected')).toBe('true');
  });

  it('opens on the first line whose work is not over now, and "今天" goes back there', async () => {
    // t1 and t2 are over at 13:30; t3 (13:00–14:00) is line 4: the chart shows it from line 3 (its group's header).
    await createSmall({ now: DAY0 + 13.5 * HOUR });
    await nextFrame();
    expect(viewport().scrollTop).toBe(3 * 32);
    viewport().scrollTop = 0;
    el.querySelector<HTMLButtonElement>('[data-action="today"]')?.click();
    expect(viewport().scrollTop).toBe(3 * 32);
  });

  it('pins the header of the group whose rows are at the top, and folds that group from it', async () => {
    const chart = await createSmall();
    const toggles: unknown[] = [];
    chart.groupToggle.subscribe((e) => toggles.push(e));
    const pinned = () => el.querySelector<HTMLButtonElement>('.pinned [data-group-id]');
    expect(pinned()).toBeNull();
    viewport().scrollTop = 2 * 32;
    viewport().dispatchEvent(new Event('scroll'));
    await nextFrame();
    await fixture.whenStable();
    expect(pinned()?.dataset['groupId']).toBe('power');
    expect(pinned()?.textContent).toContain('电力');
    pinned()?.click();
    await fixture.whenStable();
    expect(toggles).toEqual([{ groupId: 'power', collapsed: true }]);
    expect(el.querySelector('[data-row-id="t1"]')).toBeNull();
    expect(viewport().scrollTop).toBe(0);
  });

  it('folds every group from the toolbar, then opens them all again', async () => {
    const chart = await createSmall();
    const toggles: unknown[] = [];
    chart.groupToggle.subscribe((e) => toggles.push(e));
    const button = () => el.querySelector<HTMLButtonElement>('[data-action="fold-all"]') as HTMLButtonElement;
    expect(button().textContent?.trim()).toBe('全部收起');
    button().click();
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-row-id]').length).toBe(0);
    expect(el.querySelectorAll('[data-group-id][aria-expanded="false"]').length).toBe(2);
    expect(button().textContent?.trim()).toBe('全部展开');
    button().click();
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-row-id]').length).toBe(3);
    expect(toggles).toEqual([
      { groupId: 'power', collapsed: true },
      { groupId: 'telecom', collapsed: true },
      { groupId: 'power', collapsed: false },
      { groupId: 'telecom', collapsed: false },
    ]);
  });

  it('emits a new visible range after a horizontal scroll past the render window', async () => {
    const ranges: { start: number; finish: number }[] = [];
    await createSmall();
    fixture.componentInstance.rangeChange.subscribe((r) => ranges.push(r));
    viewport().scrollLeft = 1800;
    viewport().dispatchEvent(new Event('scroll'));
    await nextFrame();
    await fixture.whenStable();
    expect(ranges).toEqual([{ start: DAY0 + 1800 * MIN, finish: DAY0 + 2760 * MIN }]);
  });

  describe('labels', () => {
    beforeEach(() => TestBed.configureTestingModule({ providers: [provideGanttLabels(GANTT_LABELS_EN)] }));

    it('uses injected English labels and per-chart overrides', async () => {
      await createSmall({ labels: { today: 'Now' } });
      expect(el.querySelector('[data-action="today"]')?.textContent).toBe('Now');
      expect(el.querySelector('[data-action="zoom-in"]')?.getAttribute('aria-label')).toBe('Zoom in');
      expect(el.querySelector('[data-group-id="power"]')?.getAttribute('aria-label')).toBe('Collapse 电力');
      expect(barEl('t1').getAttribute('aria-label')).toContain('planned');
    });
  });
});
