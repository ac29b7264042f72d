import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TranslateModule } from '@ngx-translate/core';
import { at, scheduleFixture } from '@worksite/web-planning-data-access/testing';
import { GanttStore } from '../gantt.store';
import { sortGroups } from './table-logic';
import { TaskTableStore } from './task-table.store';

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });
const tick = () => new Promise((resolve) => setTimeout(resolve));

describe('TaskTableStore', () => {
  let gantt: GanttStore;
  let table: TaskTableStore;
  let http: HttpTestingController;

  async function flushReload() {
    await tick();
    http.expectOne('/api/projects/p1/schedule').flush(scheduleFixture());
    await tick();
    http.match((r) => r.url === '/api/projects/p1/conflicts').forEach((r) => r.flush({ items: [] }));
    await tick();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [TranslateModule.forRoot()],
      providers: [GanttStore, TaskTableStore, provideHttpClient(), provideHttpClientTesting()],
    });
    gantt = TestBed.inject(GanttStore);
    table = TestBed.inject(TaskTableStore);
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

  it('saves a typed duration in working minutes with the version read, and closes the editor', async () => {
    const task = gantt.taskById().get('A');
    expect(task).toBeDefined();
    if (!task) return;
    table.startEdit(task, 'duration', '1天');
    const saved = table.commitEdit();
    await tick();
    const patch = http.expectOne('/api/tasks/A');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ durationMinutes: 480, version: 1 });
    patch.flush({ ...task, durationMinutes: 480 });
    await flushReload();
    expect(await saved).toBe(true);
    expect(table.editing()).toBeNull();
  });

  it('refuses what is not a duration without a request, keeping the text typed', async () => {
    const task = gantt.taskById().get('A');
    if (!task) throw new Error('fixture');
    table.startEdit(task, 'duration', '3 parsecs');
    expect(await table.commitEdit()).toBe(false);
    expect(table.editing()).toMatchObject({ text: '3 parsecs', error: 'table.errors.duration.invalid' });
  });

  it("keeps the text and shows the API's refusal when a save is refused", async () => {
    const task = gantt.taskById().get('A');
    if (!task) throw new Error('fixture');
    table.startEdit(task, 'title', '  新名称 ');
    const saved = table.commitEdit();
    await tick();
    const patch = http.expectOne('/api/tasks/A');
    expect(patch.request.body).toEqual({ title: '新名称', version: 1 });
    patch.flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: '请求有误',
        problems: [{ field: 'title', messages: ['太长'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(await saved).toBe(false);
    expect(table.editing()).toMatchObject({ text: '  新名称 ', error: '请求有误: 太长', busy: false });
  });

  it('replaces the typed predecessors in one write (one change set), and skips a write that changes nothing', async () => {
    const c = gantt.taskById().get('C');
    const b = gantt.taskById().get('B');
    if (!c || !b) throw new Error('fixture');
    // C gets A (code 1) FS+1d and B (code 2) SS.
    table.startEdit(c, 'predecessors', '1FS+1d; 2SS');
    const first = table.commitEdit();
    await tick();
    const put = http.expectOne('/api/tasks/C/predecessors');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      predecessors: [
        { predecessorId: 'A', type: 'FS', lagMinutes: 480 },
        { predecessorId: 'B', type: 'SS', lagMinutes: 0 },
      ],
      // The links into C the table had loaded (none yet): the write is refused if they changed.
      seen: [],
    });
    put.flush({ taskId: 'C', dependencies: [], created: 2, updated: 0, removed: 0, pushed: 0 });
    await flushReload();
    expect(await first).toBe(true);
    expect(gantt.history.nextUndo('p1')?.label).toEqual({ key: 'undo.label.predecessors', params: { title: c.title } });

    // B's stored link from A, typed as it is: nothing to write.
    table.startEdit(b, 'predecessors', '1');
    expect(await table.commitEdit()).toBe(true);

    // Emptied: every predecessor removed, in the same single write.
    table.startEdit(b, 'predecessors', '');
    const cleared = table.commitEdit();
    await tick();
    const empty = http.expectOne('/api/tasks/B/predecessors');
    // B's one incoming link as loaded goes along: the server refuses the write if it changed.
    expect(empty.request.body).toEqual({ predecessors: [], seen: [{ id: 'l1', version: 1 }] });
    empty.flush({ taskId: 'B', dependencies: [], created: 0, updated: 0, removed: 1, pushed: 0 });
    await flushReload();
    expect(await cleared).toBe(true);
  });

  it("keeps the text and says the API's refusal (a cycle) with nothing to take back", async () => {
    const b = gantt.taskById().get('B');
    if (!b) throw new Error('fixture');
    table.startEdit(b, 'predecessors', '3');
    const saved = table.commitEdit();
    await tick();
    http
      .expectOne('/api/tasks/B/predecessors')
      .flush(
        { statusCode: 422, code: 'dependency_cycle', message: '此依赖关系会形成循环：B → C → B' },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await flushReload();
    expect(await saved).toBe(false);
    expect(table.editing()).toMatchObject({ text: '3', error: '此依赖关系会形成循环：B → C → B', busy: false });
    expect(http.match((r) => r.url.includes('/undo'))).toEqual([]);
  });

  it('names unknown codes and wrong pieces without writing anything', async () => {
    const b = gantt.taskById().get('B');
    if (!b) throw new Error('fixture');
    table.startEdit(b, 'predecessors', '99');
    expect(await table.commitEdit()).toBe(false);
    expect(table.editing()?.error).toBe('table.errors.predecessor.unknown');
    table.startEdit(b, 'predecessors', '1XX; 2');
    expect(await table.commitEdit()).toBe(false);
    expect(table.editing()).toMatchObject({ text: '1XX; 2', error: 'table.errors.predecessor.type' });
  });

  it('sorts the chart rows within their groups by a column, keeping the groups in place', () => {
    const groups = [
      { id: 'g', label: 'g', rows: ['A', 'C', 'B'].map((id) => ({ id, label: id })) },
      { id: 'h', label: 'h', rows: [] },
    ];
    table.sortBy('code');
    table.sortBy('code');
    expect(table.sort()).toEqual({ column: 'code', direction: 'desc' });
    expect(table.rows().map((g) => g.id)).toEqual(gantt.groups().map((g) => g.id));
    const ctx = table.context();
    if (!ctx) throw new Error('loaded');
    // The same sort the rows get, on a group of three.
    expect(sortGroupsFor(groups).map((g) => g.rows.map((r) => r.id))).toEqual([['C', 'B', 'A'], []]);

    function sortGroupsFor(input: typeof groups) {
      return sortGroups(input, table.sort(), gantt.taskById(), ctx as NonNullable<typeof ctx>);
    }
  });
});
