import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { BaselineDetailDto } from '@worksite/shared-domain';
import { at, scheduleFixture } from '@worksite/web-planning-data-access/testing';
import { BaselineStore } from './baseline.store';
import { GanttStore } from './gantt.store';

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });

// The fixture's plan on Monday 2026-03-02 (08–12, 14–18): A 08–12, B 14–18, C Tuesday 08–12.
describe('BaselineStore', () => {
  let store: BaselineStore;
  let gantt: GanttStore;
  let http: HttpTestingController;
  const baselineTask = (taskId: string, start: string, finish: string) => ({
    taskId,
    title: taskId,
    plannedStart: at(start),
    plannedFinish: at(finish),
    durationMinutes: 240,
  });
  const detail: BaselineDetailDto = {
    id: 'b1',
    projectId: 'p1',
    name: '开工基线',
    createdById: 'u1',
    createdByName: '甄鸿波',
    createdAt: '2026-03-01T00:00:00Z',
    taskCount: 4,
    tasks: [
      baselineTask('A', '2026-03-02T08:00', '2026-03-02T12:00'),
      baselineTask('B', '2026-03-02T08:00', '2026-03-02T12:00'),
      baselineTask('C', '2026-03-02T08:00', '2026-03-02T12:00'),
      baselineTask('gone', '2026-03-02T08:00', '2026-03-02T12:00'),
    ],
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        GanttStore,
        BaselineStore,
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ lang: 'zh-CN' }),
      ],
    });
    gantt = TestBed.inject(GanttStore);
    store = TestBed.inject(BaselineStore);
    http = TestBed.inject(HttpTestingController);
    const loaded = gantt.load('p1');
    http.expectOne('/api/projects/p1/schedule').flush(scheduleFixture());
    http.expectOne((r) => r.url === '/api/departments').flush(page([]));
    http.expectOne((r) => r.url === '/api/crews').flush(page([]));
    http.expectOne((r) => r.url === '/api/locations').flush(page([]));
    await loaded;
    http.expectOne((r) => r.url === '/api/projects/p1/conflicts').flush({ items: [] });
    const listed = store.load('p1');
    http.expectOne('/api/projects/p1/baselines').flush({ items: [detail] });
    await listed;
  });

  afterEach(() => http.verify());

  async function choose(): Promise<void> {
    const chosen = store.select('b1');
    http.expectOne('/api/projects/p1/baselines/b1').flush(detail);
    await chosen;
  }

  it('measures each task against the chosen baseline in working days of the project calendar', async () => {
    expect(store.bars()).toEqual([]);
    await choose();
    const slips = store.slips();
    expect(slips.get('A')?.finishDays).toBe(0);
    // Monday 12:00 → 18:00 is half a working day (over the noon break); → Tuesday 12:00 one.
    expect(slips.get('B')?.finishDays).toBe(0.5);
    expect(slips.get('C')?.finishDays).toBe(1);
    expect(slips.get('gone')?.finishDays).toBeNull();
  });

  it('draws the baseline under the bars with the slip after each late one', async () => {
    await choose();
    expect(store.bars().map((b) => [b.id, b.label, b.late])).toEqual([
      ['A', undefined, false],
      ['B', '+0.5', true],
      ['C', '+1', true],
      ['gone', undefined, false],
    ]);
    expect(store.bars()[0]).toMatchObject({ start: Date.parse(at('2026-03-02T08:00')) });
    await store.select(null);
    expect(store.bars()).toEqual([]);
  });

  it('saves the plan as a new baseline and shows it', async () => {
    const saved = store.save('第二版');
    const post = http.expectOne('/api/projects/p1/baselines');
    expect(post.request.body).toEqual({ name: '第二版' });
    post.flush({ ...detail, id: 'b2', name: '第二版', tasks: undefined });
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/projects/p1/baselines').flush({ items: [{ ...detail, id: 'b2' }, detail] });
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/projects/p1/baselines/b2').flush({ ...detail, id: 'b2', name: '第二版' });
    expect(await saved).toBe(true);
    expect(store.selectedId()).toBe('b2');
    expect(store.message()).toMatchObject({ key: 'baselines.saved', params: { name: '第二版', count: 4 } });
  });
});
