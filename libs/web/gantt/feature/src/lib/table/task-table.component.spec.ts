import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TranslateModule } from '@ngx-translate/core';
import { GanttGroup, GanttPaneContext, LayoutLine } from '@worksite/web-gantt-ui';
import { at, scheduleFixture } from '@worksite/web-planning-data-access/testing';
import { GanttStore } from '../gantt.store';
import { TaskTableComponent } from './task-table.component';
import { TaskTableStore } from './task-table.store';

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });
const tick = () => new Promise((resolve) => setTimeout(resolve));

/** One group with the fixture's three tasks, as the chart lays it out. */
function paneOf(toggled: string[]): GanttPaneContext {
  const group: GanttGroup = { id: 'g', label: '电力公司', rows: ['A', 'B', 'C'].map((id) => ({ id, label: id })) };
  const lines: LayoutLine[] = [
    { kind: 'group', index: 0, group, collapsed: false },
    ...group.rows.map((row, i) => ({ kind: 'task' as const, index: i + 1, row, group })),
  ];
  return {
    layout: { lines, lineOfRow: new Map(group.rows.map((row, i) => [row.id, i + 1])) },
    firstLine: 0,
    lastLine: 15,
    rowHeight: 32,
    toggleGroup: (id) => toggled.push(id),
  };
}

describe('TaskTableComponent', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [TranslateModule.forRoot()],
      providers: [GanttStore, TaskTableStore, provideHttpClient(), provideHttpClientTesting()],
    });
    const gantt = TestBed.inject(GanttStore);
    http = TestBed.inject(HttpTestingController);
    gantt.now.set(Date.parse(at('2026-03-02T10:00')));
    gantt.editable.set(true);
    const done = gantt.load('p1');
    http.expectOne('/api/projects/p1/schedule').flush(scheduleFixture());
    http
      .expectOne((r) => r.url === '/api/departments')
      .flush(page([{ id: 'power', name: '电力公司', color: '#f08c00' }]));
    http.expectOne((r) => r.url === '/api/crews').flush(page([]));
    http.expectOne((r) => r.url === '/api/locations').flush(page([]));
    await done;
    await tick();
    http.expectOne((r) => r.url === '/api/projects/p1/conflicts').flush({ items: [] });
  });

  afterEach(() => http.verify());

  function render(toggled: string[] = []) {
    const fixture = TestBed.createComponent(TaskTableComponent);
    fixture.componentRef.setInput('pane', paneOf(toggled));
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const grid = el.querySelector<HTMLElement>('[data-testid=task-table]');
    if (!grid) throw new Error('no grid');
    const key = (target: HTMLElement, k: string, init: KeyboardEventInit = {}) => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...init }));
      fixture.detectChanges();
    };
    return { fixture, el, grid, key };
  }

  it('draws the group line and a row per task at the chart’s heights, with the visible columns', () => {
    const toggled: string[] = [];
    const { el } = render(toggled);
    const rows = [...el.querySelectorAll<HTMLElement>('[data-table-task]')];
    expect(rows.map((r) => [r.dataset['tableTask'], r.style.top])).toEqual([
      ['A', '32px'],
      ['B', '64px'],
      ['C', '96px'],
    ]);
    expect(rows[1].querySelector('[data-column=predecessors]')?.textContent?.trim()).toBe('1');
    el.querySelector<HTMLButtonElement>('[data-group-id=g]')?.click();
    expect(toggled).toEqual(['g']);
  });

  it('moves the active cell with the keyboard, edits with Enter and cancels with Escape, keeping the value', () => {
    const { el, grid, key } = render();
    const table = TestBed.inject(TaskTableStore);
    key(grid, 'ArrowDown');
    expect(table.active()).toEqual({ line: 1, column: 0 });
    key(grid, 'ArrowDown');
    key(grid, 'Tab');
    expect(table.active()).toEqual({ line: 2, column: 1 });
    expect(el.querySelector('[data-table-task=B] [data-column=title]')?.classList).toContain('active');
    key(grid, 'Enter');
    const editor = el.querySelector<HTMLInputElement>('[data-testid=cell-editor]');
    expect(editor?.value).toBe('移动迁改');
    if (!editor) return;
    key(editor, 'Escape');
    expect(table.editing()).toBeNull();
    expect(el.querySelector('[data-testid=cell-editor]')).toBeNull();
    // Typing on a cell starts its editor with what was typed.
    key(grid, 'ArrowRight');
    key(grid, 'ArrowRight');
    key(grid, 'ArrowRight');
    expect(table.layout().columns[table.active()?.column ?? 0].id).toBe('duration');
    key(grid, '3');
    expect(table.editing()).toMatchObject({ taskId: 'B', column: 'duration', text: '3' });
  });
});
