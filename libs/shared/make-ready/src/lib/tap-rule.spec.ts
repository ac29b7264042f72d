import { applyTap, notDoneOf, TapOf, TapState, taskChangeOf } from './tap-rule';

const planned: TapState = { status: 'planned', progress: 0, notDone: null };
const after = (state: TapState, taps: TapOf[]) => taps.reduce(applyTap, state);

describe('applyTap', () => {
  it('starts, reports progress and finishes', () => {
    expect(applyTap(planned, { kind: 'started' })).toEqual({ status: 'in_progress', progress: 0, notDone: null });
    expect(after(planned, [{ kind: 'started' }, { kind: 'progress', progress: 50 }])).toEqual({
      status: 'in_progress',
      progress: 50,
      notDone: null,
    });
    expect(after(planned, [{ kind: 'progress', progress: 75 }, { kind: 'done' }])).toEqual({
      status: 'done',
      progress: 100,
      notDone: null,
    });
  });

  it('begins a task not begun (planned, ready, blocked) with progress above 0, even the progress it has', () => {
    for (const status of ['planned', 'ready', 'blocked']) {
      expect(applyTap({ status, progress: 0, notDone: null }, { kind: 'progress', progress: 25 }).status).toBe(
        'in_progress',
      );
      expect(applyTap({ status, progress: 50, notDone: null }, { kind: 'progress', progress: 50 }).status).toBe(
        'in_progress',
      );
    }
    expect(applyTap(planned, { kind: 'progress', progress: 0 })).toEqual(planned);
    expect(
      applyTap({ status: 'in_progress', progress: 60, notDone: null }, { kind: 'progress', progress: 40 }),
    ).toEqual({ status: 'in_progress', progress: 40, notDone: null });
  });

  it('never moves a done task back, and keeps "not done" beside it (a corrected tap)', () => {
    const done: TapState = { status: 'done', progress: 100, notDone: null };
    const taps: TapOf[] = [
      { kind: 'progress', progress: 25 },
      { kind: 'started' },
      { kind: 'not_done', reason: 'weather' },
    ];
    expect(after(done, taps)).toEqual({ status: 'done', progress: 100, notDone: { reason: 'weather', note: '' } });
  });

  it('keeps the task as it is for "not done"; started or done clear it, progress does not', () => {
    const notDone = applyTap(planned, { kind: 'not_done', reason: 'materials_missing', note: '电缆未到' });
    expect(notDone).toEqual({ ...planned, notDone: { reason: 'materials_missing', note: '电缆未到' } });
    expect(applyTap(notDone, { kind: 'progress', progress: 25 }).notDone).toEqual(notDone.notDone);
    expect(applyTap(notDone, { kind: 'started' }).notDone).toBeNull();
    expect(applyTap(notDone, { kind: 'done' }).notDone).toBeNull();
  });

  it('does not begin a cancelled task', () => {
    const cancelled: TapState = { status: 'cancelled', progress: 0, notDone: null };
    expect(applyTap(cancelled, { kind: 'started' })).toEqual(cancelled);
    expect(applyTap(cancelled, { kind: 'progress', progress: 50 }).status).toBe('cancelled');
  });
});

describe('taskChangeOf', () => {
  it('names only the columns the tap changes', () => {
    expect(taskChangeOf({ kind: 'started' }, planned)).toEqual({ status: 'in_progress' });
    expect(taskChangeOf({ kind: 'progress', progress: 40 }, planned)).toEqual({ status: 'in_progress', progress: 40 });
    expect(taskChangeOf({ kind: 'progress', progress: 60 }, { status: 'in_progress', progress: 40 })).toEqual({
      progress: 60,
    });
    expect(taskChangeOf({ kind: 'done' }, { status: 'in_progress', progress: 60 })).toEqual({
      status: 'done',
      progress: 100,
    });
  });

  it('changes nothing on the task for not done, nor for a late tap on a done task', () => {
    expect(taskChangeOf({ kind: 'not_done', reason: 'weather' }, planned)).toEqual({});
    const done = { status: 'done', progress: 100 };
    expect(taskChangeOf({ kind: 'started' }, done)).toEqual({});
    expect(taskChangeOf({ kind: 'progress', progress: 30 }, done)).toEqual({});
    expect(taskChangeOf({ kind: 'done' }, done)).toEqual({});
  });
});

describe('notDoneOf', () => {
  it('is the last "not done" of the reports unless a later start or done cleared it', () => {
    expect(notDoneOf([])).toBeNull();
    expect(notDoneOf([{ kind: 'done' }, { kind: 'not_done', reason: 'weather', note: null }])).toEqual({
      reason: 'weather',
      note: '',
    });
    expect(notDoneOf([{ kind: 'not_done', reason: 'weather' }, { kind: 'started' }])).toBeNull();
    expect(
      notDoneOf([
        { kind: 'not_done', reason: 'weather' },
        { kind: 'not_done', reason: 'short_staffed', note: '两人病假' },
        { kind: 'progress', progress: 25 },
      ]),
    ).toEqual({ reason: 'short_staffed', note: '两人病假' });
  });
});
