import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ConflictDto } from '@worksite/shared-domain';
import { ConflictTriage, editsByChangeSet } from './conflict-triage';

describe('ConflictTriage', () => {
  const clash: ConflictDto = {
    key: 'location-clash|a|b|x',
    kind: 'location-clash',
    taskIds: ['a', 'b'],
    taskTitles: ['电力入地', '光缆割接'],
    start: '2026-03-02T00:00:00Z',
    finish: '2026-03-02T02:00:00Z',
    taskVersions: [3, 1],
    state: 'open',
    decision: null,
  };
  let triage: ConflictTriage;
  let http: HttpTestingController;
  const conflicts = signal<ConflictDto[]>([]);
  let reloads = 0;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [ConflictTriage, provideHttpClient(), provideHttpClientTesting()] });
    triage = TestBed.inject(ConflictTriage);
    http = TestBed.inject(HttpTestingController);
    conflicts.set([clash]);
    reloads = 0;
    triage.connect({
      projectId: () => 'p1',
      conflicts,
      reload: async () => void reloads++,
    });
  });

  afterEach(() => http.verify());

  it('sends a decision with the versions the clash was listed at, and shows the new state at once', async () => {
    const done = triage.decide({ conflict: clash, action: 'accept', reason: '可并行' });
    expect(triage.busyKey()).toBe(clash.key);
    const post = http.expectOne('/api/projects/p1/conflict-decisions');
    expect(post.request.body).toEqual({
      key: clash.key,
      action: 'accept',
      reason: '可并行',
      taskVersions: { a: 3, b: 1 },
    });
    post.flush({ id: 'd1', key: clash.key, action: 'accept', reason: '可并行' });
    await done;
    expect(conflicts()[0]).toMatchObject({ state: 'accepted', decision: { id: 'd1' } });
    expect(triage.busyKey()).toBeNull();
    expect(reloads).toBe(0);
  });

  it('on a 409 says why on the clash and reloads the list, changing nothing itself', async () => {
    const done = triage.decide({ conflict: clash, action: 'accept', reason: '可并行' });
    http
      .expectOne('/api/projects/p1/conflict-decisions')
      .flush(
        { statusCode: 409, code: 'conflict_decision_stale', message: '冲突中的任务已被修改（电力入地）' },
        { status: 409, statusText: 'Conflict' },
      );
    await done;
    expect(triage.failure()).toEqual({ key: clash.key, message: '冲突中的任务已被修改（电力入地）' });
    expect(conflicts()[0].state).toBe('open');
    expect(reloads).toBe(1);
  });

  it("offers the latest edits of the clash's tasks for a resolution, newest first, and loads the history", async () => {
    const prepared = triage.prepare(clash, 'resolve');
    const edit = (id: string, at: string) => ({
      id,
      at,
      actorName: '甄鸿波',
      entity: 'task',
      entityId: 'x',
      changes: { plannedStart: {} },
    });
    http
      .expectOne((r) => r.url === '/api/audit' && r.params.get('entityId') === 'a')
      .flush({ items: [edit('e1', '2026-03-01T01:00:00Z')] });
    http
      .expectOne((r) => r.url === '/api/audit' && r.params.get('entityId') === 'b')
      .flush({ items: [edit('e2', '2026-03-01T02:00:00Z')] });
    await prepared;
    expect(
      triage
        .edits()
        .get(clash.key)
        ?.map((e) => [e.id, e.taskTitle, e.fields]),
    ).toEqual([
      ['e2', '光缆割接', ['plannedStart']],
      ['e1', '电力入地', ['plannedStart']],
    ]);

    const history = triage.loadHistory(clash);
    http
      .expectOne((r) => r.url === '/api/projects/p1/conflict-decisions' && r.params.get('key') === clash.key)
      .flush({ items: [{ id: 'd1' }] });
    await history;
    expect(triage.histories().get(clash.key)).toEqual([{ id: 'd1' }]);
  });

  it('offers one option per user action (change set), newest first, and sends the one chosen', async () => {
    const edit = (id: string, at: string, changeSetId: string | null, field: string) => ({
      id,
      at,
      actorName: '甄鸿波',
      entity: 'task',
      entityId: 'x',
      changeSetId,
      changes: { [field]: {} },
    });
    const options = editsByChangeSet([
      { edit: edit('e1', '2026-03-01T01:00:00Z', 'cs1', 'plannedStart'), taskTitle: '电力入地' },
      { edit: edit('e2', '2026-03-01T01:00:01Z', 'cs1', 'plannedFinish'), taskTitle: '光缆割接' },
      { edit: edit('e3', '2026-03-01T03:00:00Z', 'cs2', 'crewId'), taskTitle: '光缆割接' },
      { edit: edit('e4', '2026-02-01T00:00:00Z', null, 'status'), taskTitle: '电力入地' },
    ]);
    expect(options.map((o) => [o.id, o.changeSetId, o.taskTitle, o.fields])).toEqual([
      ['cs2', 'cs2', '光缆割接', ['crewId']],
      ['cs1', 'cs1', '电力入地、光缆割接', ['plannedStart', 'plannedFinish']],
      ['e4', null, '电力入地', ['status']],
    ]);

    const done = triage.decide({ conflict: clash, action: 'resolve', changeSetId: 'cs1' });
    const post = http.expectOne('/api/projects/p1/conflict-decisions');
    expect(post.request.body).toMatchObject({ action: 'resolve', changeSetId: 'cs1' });
    post.flush({ id: 'd2', key: clash.key, action: 'resolve', changeSetId: 'cs1' });
    await done;
    expect(conflicts()[0]).toMatchObject({ state: 'resolved', decision: { changeSetId: 'cs1' } });
  });
});
