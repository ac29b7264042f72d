import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ProjectScheduleDto } from '@worksite/shared-domain';
import { at, scheduleFixture } from '@worksite/web-planning-data-access/testing';
import { GanttStore } from './gantt.store';

const t = (local: string) => Date.parse(at(local));
const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });

describe('GanttStore', () => {
  let store: GanttStore;
  let http: HttpTestingController;

  async function flushLoad(schedule: ProjectScheduleDto = scheduleFixture(), refs = true) {
    http.expectOne('/api/projects/p1/schedule').flush(schedule);
    if (refs) {
      http
        .expectOne((r) => r.url === '/api/departments')
        .flush(page([{ id: 'power', name: '电力公司', color: '#f08c00' }]));
      http.expectOne((r) => r.url === '/api/crews').flush(page([]));
      http.expectOne((r) => r.url === '/api/locations').flush(page([]));
    }
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne((r) => r.url === '/api/projects/p1/conflicts').flush({ items: [] });
  }

  async function loaded() {
    const done = store.load('p1');
    await flushLoad();
    await done;
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [GanttStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(GanttStore);
    http = TestBed.inject(HttpTestingController);
    store.now.set(t('2026-03-02T10:00'));
    store.editable.set(true);
  });

  afterEach(() => http.verify());

  it('loads the schedule, builds the chart model and asks for the conflicts around today', async () => {
    const done = store.load('p1');
    http.expectOne('/api/projects/p1/schedule').flush(scheduleFixture());
    http
      .expectOne((r) => r.url === '/api/departments')
      .flush(page([{ id: 'power', name: '电力公司', color: '#f08c00' }]));
    http.expectOne((r) => r.url === '/api/crews').flush(page([]));
    http.expectOne((r) => r.url === '/api/locations').flush(page([]));
    await done;
    const conflicts = http.expectOne((r) => r.url === '/api/projects/p1/conflicts');
    expect(conflicts.request.params.get('from')).toBe('2026-03-02');
    expect(conflicts.request.params.get('to')).toBe('2026-06-01');
    conflicts.flush({ items: [{ key: 'k', kind: 'crew-double-booking', taskIds: ['A'], taskTitles: ['电力入地'] }] });
    await new Promise((resolve) => setTimeout(resolve));
    expect(store.bars()).toHaveLength(3);
    expect(store.links()).toHaveLength(1);
    expect(store.groups().length).toBeGreaterThan(0);
    expect(store.shading().some((s) => s.kind === 'blackout')).toBe(true);
    expect(store.bars().find((b) => b.id === 'A')?.hasConflict).toBe(true);
  });

  it('previews a drag with the scheduling engine: the successor moves along, unrelated tasks stay', async () => {
    await loaded();
    store.previewDrag({ taskId: 'A', kind: 'move', start: t('2026-03-03T08:00'), finish: t('2026-03-03T12:00') });
    const preview = store.preview();
    expect(preview?.get('B')).toEqual({ start: t('2026-03-03T14:00'), finish: t('2026-03-03T18:00') });
    expect(preview?.has('C')).toBe(false);
    expect(store.movingAlong()).toBe(1);
    store.cancelDrag();
    expect(store.preview()).toBeNull();
  });

  it('previews a drop into the noon break where the api will store it, and pushes the successor by as much', async () => {
    await loaded();
    store.previewDrag({ taskId: 'A', kind: 'move', start: t('2026-03-02T12:00'), finish: t('2026-03-02T16:00') });
    const preview = store.preview();
    expect(preview?.get('A')).toEqual({ start: t('2026-03-02T14:00'), finish: t('2026-03-02T18:00') });
    expect(preview?.get('B')).toEqual({ start: t('2026-03-03T08:00'), finish: t('2026-03-03T12:00') });
    store.cancelDrag();
  });

  it('previews a task dragged earlier than its link allows where the link holds it, as the api stores it', async () => {
    await loaded();
    store.previewDrag({ taskId: 'B', kind: 'move', start: t('2026-03-02T09:00'), finish: t('2026-03-02T13:00') });
    expect(store.preview()?.get('B')).toEqual({ start: t('2026-03-02T14:00'), finish: t('2026-03-02T18:00') });
    store.cancelDrag();
  });

  it('saves a drop through the API with the version read, then reloads what the API stored', async () => {
    await loaded();
    const drop = store.commitDrag({
      taskId: 'A',
      kind: 'move',
      start: t('2026-03-03T08:00'),
      finish: t('2026-03-03T12:00'),
    });
    const patch = http.expectOne('/api/tasks/A');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ plannedStart: at('2026-03-03T08:00'), version: 1 });
    // The preview stays while the API works, so the successor does not jump back.
    expect(store.preview()?.get('B')?.start).toBe(t('2026-03-03T14:00'));
    patch.flush({ id: 'A', version: 2 });
    await new Promise((resolve) => setTimeout(resolve));
    const moved = scheduleFixture();
    moved.tasks[1] = {
      ...moved.tasks[1],
      version: 2,
      plannedStart: at('2026-03-03T14:00'),
      plannedFinish: at('2026-03-03T18:00'),
    };
    http.expectOne('/api/projects/p1/schedule').flush(moved);
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne((r) => r.url === '/api/projects/p1/conflicts').flush({ items: [] });
    await drop;
    expect(store.preview()).toBeNull();
    expect(store.bars().find((b) => b.id === 'B')?.start).toBe(t('2026-03-03T14:00'));
    expect(store.notice()).toMatchObject({ kind: 'saved', key: 'gantt.saved', params: { count: 1 } });
    // The drop is one edit in the undo history.
    expect(store.history.nextUndo(scheduleFixture().tasks[0].projectId)).toMatchObject({
      changeSetId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      label: { key: 'undo.label.move' },
    });
  });

  it('says so plainly when someone else changed the task (409) and loads the current plan', async () => {
    await loaded();
    const drop = store.commitDrag({
      taskId: 'A',
      kind: 'move',
      start: t('2026-03-03T08:00'),
      finish: t('2026-03-03T12:00'),
    });
    http
      .expectOne('/api/tasks/A')
      .flush({ statusCode: 409, code: 'version_conflict', message: 'stale' }, { status: 409, statusText: 'Conflict' });
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/projects/p1/schedule').flush(scheduleFixture());
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne((r) => r.url === '/api/projects/p1/conflicts').flush({ items: [] });
    await drop;
    expect(store.notice()).toMatchObject({
      kind: 'conflict',
      key: 'gantt.staleVersion',
      params: { title: '电力入地' },
    });
    // What was not saved is said, in the project's local time.
    expect(store.notice()?.detail).toBe('plannedStart: 2026-03-03 08:00');
    expect(store.preview()).toBeNull();
  });

  it('does not save a drop where the task already was', async () => {
    await loaded();
    await store.commitDrag({ taskId: 'A', kind: 'move', start: t('2026-03-02T08:00'), finish: t('2026-03-02T12:00') });
    http.expectNone('/api/tasks/A');
  });

  it('refuses a dependency that would close a cycle, naming the tasks, without calling the API', async () => {
    await loaded();
    await store.addDependency({ predecessorId: 'B', successorId: 'A', type: 'FS' as never });
    http.expectNone('/api/dependencies');
    expect(store.notice()).toMatchObject({ kind: 'error', key: 'gantt.cycle' });
    expect(String(store.notice()?.params?.['tasks'])).toContain('移动迁改');
  });

  it('creates a drawn dependency through the API and reloads', async () => {
    await loaded();
    const done = store.addDependency({ predecessorId: 'B', successorId: 'C', type: 'FS' as never });
    const post = http.expectOne('/api/dependencies');
    // The api refuses unknown fields: the project follows from the tasks.
    expect(post.request.body).toEqual({
      predecessorId: 'B',
      successorId: 'C',
      type: 'FS',
      lagMinutes: 0,
    });
    post.flush({ id: 'l2' });
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/projects/p1/schedule').flush(scheduleFixture());
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne((r) => r.url === '/api/projects/p1/conflicts').flush({ items: [] });
    await done;
    expect(store.notice()).toMatchObject({ kind: 'saved', key: 'gantt.linkCreated' });
  });

  it('shows the times an undo answered at once, and refuses when a task is not in the plan shown', async () => {
    await loaded();
    const a = store.taskById().get('A');
    if (!a) throw new Error('task A is in the fixture');
    const moved = {
      id: 'A',
      plannedStart: new Date(t('2026-03-05T08:00')).toISOString(),
      plannedFinish: new Date(t('2026-03-05T12:00')).toISOString(),
      startDate: '2026-03-05',
      finishDate: '2026-03-05',
      version: a.version + 1,
    };
    expect(store.applyTimes([moved])).toBe(true);
    expect(store.taskById().get('A')).toMatchObject({ plannedStart: moved.plannedStart, version: a.version + 1 });
    expect(store.bars().find((b) => b.id === 'A')?.start).toBe(Date.parse(moved.plannedStart));
    expect(store.applyTimes([{ ...moved, id: 'not-shown' }])).toBe(false);
    expect(store.taskById().get('A')?.plannedStart).toBe(moved.plannedStart);
  });

  it('changes nothing for a read-only user', async () => {
    await loaded();
    store.editable.set(false);
    store.previewDrag({ taskId: 'A', kind: 'move', start: t('2026-03-03T08:00'), finish: t('2026-03-03T12:00') });
    expect(store.preview()).toBeNull();
    await store.commitDrag({ taskId: 'A', kind: 'move', start: t('2026-03-03T08:00'), finish: t('2026-03-03T12:00') });
    http.expectNone('/api/tasks/A');
  });
});
