import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { changeSetInterceptor } from '@worksite/web-core-data-access';
import { ChangeHistory, HISTORY_LIMIT } from './change-history';
import { PlanningApi } from './planning-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ChangeHistory: the undo and redo history', () => {
  let history: ChangeHistory;
  let api: PlanningApi;
  let http: HttpTestingController;
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  /** Saves one edit (a task PATCH) through the history and answers it. */
  const edit = async (title: string, projectId = 'p1') => {
    const saved = history.run(projectId, { key: 'undo.label.move', params: { title } }, () =>
      api.updateTask('t1', { title, version: 1 }),
    );
    await tick();
    const request = http.expectOne('/api/tasks/t1');
    request.flush({ id: 't1', version: 2 });
    await saved;
    return request.request.headers.get('X-Change-Set') as string;
  };
  /** Answers the pending undo or redo request. */
  const answer = async (path: RegExp, status: number, body: object) => {
    await tick();
    const request = http.expectOne((r) => path.test(r.url));
    if (status === 200) request.flush(body);
    else request.flush(body, { status, statusText: 'refused' });
    return request.request;
  };

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([changeSetInterceptor])), provideHttpClientTesting()],
    });
    history = TestBed.inject(ChangeHistory);
    api = TestBed.inject(PlanningApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends every write of an edit with one new change set, and keeps the edit for undo', async () => {
    const changeSet = await edit('电缆沟开挖');
    expect(changeSet).toMatch(UUID);
    expect(history.nextUndo('p1')).toEqual({
      changeSetId: changeSet,
      projectId: 'p1',
      label: { key: 'undo.label.move', params: { title: '电缆沟开挖' } },
    });
    expect(history.nextUndo('p2')).toBeNull();
    // Reads and writes outside an edit carry no change set.
    void api.schedule('p1');
    void api.recompute('p1', true);
    await tick();
    expect(http.expectOne('/api/projects/p1/schedule').request.headers.has('X-Change-Set')).toBe(false);
    expect(http.expectOne('/api/projects/p1/recompute').request.headers.has('X-Change-Set')).toBe(false);
  });

  it('undoes the latest edit, then redoes it with the change set the undo answered with', async () => {
    const first = await edit('甲');
    const second = await edit('乙');
    const undone = history.undo('p1');
    expect((await answer(/undo$/, 200, { changeSetId: 'u2' })).url).toBe(`/api/change-sets/${second}/undo`);
    expect(await undone).toMatchObject({ ok: true, entry: { changeSetId: second } });
    expect(history.nextUndo('p1')?.changeSetId).toBe(first);
    expect(history.nextRedo('p1')?.changeSetId).toBe('u2');

    const redone = history.redo('p1');
    expect((await answer(/redo$/, 200, { changeSetId: 'r2' })).url).toBe('/api/change-sets/u2/redo');
    expect(await redone).toMatchObject({ ok: true });
    expect(history.nextUndo('p1')?.changeSetId).toBe('r2');
    expect(history.nextRedo('p1')).toBeNull();
  });

  it('drops an entry the server refuses with 409, keeping the message that names the task', async () => {
    await edit('甲');
    const undone = history.undo('p1');
    await answer(/undo$/, 409, {
      statusCode: 409,
      code: 'change_set_stale',
      message: '任务「丙 光缆穿管」此后已被他人修改',
    });
    const outcome = await undone;
    expect(outcome).toMatchObject({ ok: false, dropped: true, failure: { status: 409 } });
    expect(outcome?.ok === false && outcome.failure.message).toContain('丙 光缆穿管');
    expect(history.nextUndo('p1')).toBeNull();
    expect(history.nextRedo('p1')).toBeNull();
  });

  it('keeps the entry when the undo did not reach the server', async () => {
    await edit('甲');
    const undone = history.undo('p1');
    await answer(/undo$/, 503, { statusCode: 503, code: 'unavailable', message: 'down' });
    expect(await undone).toMatchObject({ ok: false, dropped: false });
    expect(history.nextUndo('p1')).not.toBeNull();
  });

  it('empties the redo stack on a new edit and keeps the latest 50 edits of a project', async () => {
    await edit('甲');
    const undone = history.undo('p1');
    await answer(/undo$/, 200, { changeSetId: 'u1' });
    await undone;
    await edit('乙');
    expect(history.nextRedo('p1')).toBeNull();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) await edit(`第${i}步`);
    await edit('别的项目', 'p2');
    expect(history.size('p1')).toBe(HISTORY_LIMIT);
    expect(history.size('p2')).toBe(1);
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(20);
  });

  it('keeps the history for the browser tab, so that a reload keeps it', async () => {
    const changeSet = await edit('甲');
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    expect(TestBed.inject(ChangeHistory).nextUndo('p1')?.changeSetId).toBe(changeSet);
    http = TestBed.inject(HttpTestingController);
  });

  it('forgets the edits of another user when someone else signs in on the tab', async () => {
    history.belongsTo('u1');
    await edit('甲');
    history.belongsTo('u1');
    expect(history.size('p1')).toBe(1);
    history.belongsTo('u2');
    expect(history.size('p1')).toBe(0);
  });

  it('keeps no entry for an edit that failed, and answers null when there is nothing to undo', async () => {
    const saved = history.run('p1', { key: 'undo.label.edit' }, () => api.updateTask('t1', { version: 1 }));
    await tick();
    http
      .expectOne('/api/tasks/t1')
      .flush({ code: 'version_conflict', message: 'stale' }, { status: 409, statusText: 'x' });
    await expect(saved).rejects.toMatchObject({ status: 409 });
    expect(history.nextUndo('p1')).toBeNull();
    expect(await history.undo('p1')).toBeNull();
  });
});
