import { newClientKey, tappedState } from './tap-view';
import { CrewReportRequest } from '@worksite/shared-make-ready';

const tap = (clientKey: string, kind: CrewReportRequest['kind'], extra: Partial<CrewReportRequest> = {}) => ({
  clientKey,
  taskId: 't1',
  kind,
  tappedAt: '2026-12-04T02:00:00.000Z',
  ...extra,
});

describe('tappedState', () => {
  const task = { id: 't1', status: 'planned', progress: 0 };

  it('applies start, progress and done in order, as the server does', () => {
    expect(tappedState(task, [tap('a', 'started')])).toMatchObject({ status: 'in_progress', progress: 0 });
    expect(tappedState(task, [tap('a', 'started'), tap('b', 'progress', { progress: 50 })])).toMatchObject({
      status: 'in_progress',
      progress: 50,
    });
    expect(tappedState(task, [tap('a', 'progress', { progress: 75 }), tap('b', 'done')])).toMatchObject({
      status: 'done',
      progress: 100,
    });
  });

  it('never moves a done task back, and keeps "not done" beside it (a corrected tap)', () => {
    const done = { id: 't1', status: 'done', progress: 100 };
    const taps = [
      tap('a', 'progress', { progress: 25 }),
      tap('b', 'started'),
      tap('c', 'not_done', { reason: 'weather' }),
    ];
    expect(tappedState(done, taps)).toMatchObject({ status: 'done', progress: 100, notDone: { reason: 'weather' } });
  });

  it('shows "not done" with its reason and counts the taps still waiting', () => {
    const taps = [
      tap('a', 'not_done', { reason: 'materials_missing', note: '电缆未到' }),
      tap('x', 'done', { taskId: 't2' }),
    ];
    expect(tappedState(task, taps, new Set(['a', 'x']))).toEqual({
      status: 'planned',
      progress: 0,
      notDone: { reason: 'materials_missing', note: '电缆未到' },
      waiting: 1,
    });
  });
});

describe('tappedState over what the server recorded', () => {
  it("starts from the server's 未完成 of today; the phone's later taps replace or clear it", () => {
    const task = { id: 't1', status: 'in_progress', progress: 50 };
    const recorded = { reason: 'weather' as const, note: '大雨' };
    expect(tappedState(task, [], new Set(), recorded)).toEqual({
      status: 'in_progress',
      progress: 50,
      notDone: recorded,
      waiting: 0,
    });
    expect(tappedState(task, [tap('a', 'not_done', { reason: 'short_staffed' })], new Set(), recorded).notDone).toEqual(
      {
        reason: 'short_staffed',
        note: '',
      },
    );
    expect(tappedState(task, [tap('a', 'done')], new Set(), recorded).notDone).toBeNull();
  });
});

describe('newClientKey', () => {
  it('makes a v4 UUID without randomUUID (a page served over plain http)', () => {
    const key = newClientKey({ getRandomValues: <T extends ArrayBufferView | null>(a: T) => a });
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newClientKey({ getRandomValues: (a) => a, randomUUID: () => 'u-1' })).toBe('u-1');
  });
});
