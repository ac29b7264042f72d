import { signedInTestBed } from '@worksite/web-auth-data-access/testing';
import { TestBed } from '@angular/core/testing';
import { scheduleFixture } from '@worksite/web-planning-data-access/testing';
import { AgencyPage } from './agency-page.component';

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });
const tick = () => new Promise((resolve) => setTimeout(resolve));

describe('AgencyPage', () => {
  it("shows the department's tasks and opens a task's chain", async () => {
    const http = await signedInTestBed(AgencyPage, 'agency', { departmentId: 'mobile' });

    const fixture = TestBed.createComponent(AgencyPage);
    fixture.detectChanges();
    const schedule = scheduleFixture();
    http.expectOne((r) => r.url === '/api/projects').flush(page([schedule.project]));
    http
      .expectOne((r) => r.url === '/api/departments')
      .flush(
        page([
          { id: 'mobile', name: '中国移动' },
          { id: 'power', name: '电力公司' },
        ]),
      );
    http.expectOne((r) => r.url === '/api/crews').flush(page([]));
    http.expectOne((r) => r.url === '/api/locations').flush(page([]));
    await tick();
    http.expectOne('/api/projects/p1/schedule').flush(schedule);
    const blocks = http.expectOne((r) => r.url === '/api/agency/blocks');
    expect(blocks.request.params.get('weeks')).toBe('6');
    expect(blocks.request.params.has('departmentId')).toBe(false);
    const task = (id: string, code: number, name: string, at: number) => ({
      id,
      code,
      name,
      plannedStart: schedule.tasks[at].plannedStart,
      plannedFinish: schedule.tasks[at].plannedFinish,
      departmentId: 'mobile',
      crewId: null,
      locationId: null,
      status: 'planned',
    });
    // One constraint upstream holding back two of the department's tasks: listed once, with both.
    blocks.flush({
      departmentId: 'mobile',
      rows: [
        {
          constraint: {
            id: 'c1',
            projectId: 'p1',
            taskId: 'A',
            kind: 'outage_approval',
            description: '停电计划',
            ownerDepartmentId: 'power',
            ownerUserId: null,
            ownerName: '电力公司',
            dueDate: '2026-03-01',
            status: 'open',
            clearedAt: null,
            clearedByName: null,
            announcementId: null,
            version: 1,
            createdAt: '2026-02-20T00:00:00Z',
          },
          onTask: { id: 'A', code: 1, name: '电力入地', departmentId: 'power' },
          tasks: [task('B', 2, '移动迁改', 1), task('C', 3, '移动割接', 2)],
        },
      ],
    });
    await tick();
    await fixture.whenStable();

    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h1')?.textContent).toContain('中国移动');
    const rows = el.querySelectorAll('[data-testid=agency-task]');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('移动迁改');
    expect(rows[0].textContent).toContain('电力入地');
    // What blocks the tasks: the power company's outage approval on the task upstream, once, with the two tasks.
    const blockers = el.querySelectorAll('[data-testid=agency-blocker]');
    expect(blockers).toHaveLength(1);
    expect(blockers[0].textContent).toContain('makeReady.kind.outage_approval');
    expect(blockers[0].textContent).toContain('电力公司');
    expect(blockers[0].textContent).toContain('#1 电力入地');
    const held = [...blockers[0].querySelectorAll('[data-testid=agency-blocked-task]')];
    expect(held.map((li) => li.getAttribute('data-task-id'))).toEqual(['B', 'C']);
    expect(held[1].textContent).toContain('#3');
    expect(held[1].textContent).toContain('移动割接');
    expect(blockers[0].textContent).not.toContain('makeReady.blocks.own');

    el.querySelector<HTMLButtonElement>('[data-testid=toggle-chain]')?.click();
    const chain = http.expectOne('/api/tasks/B/chain');
    chain.flush({
      task: schedule.tasks[1],
      upstream: [
        {
          taskId: 'A',
          title: '电力入地',
          departmentId: 'power',
          departmentName: '电力公司',
          crewName: '电力一班',
          status: 'planned',
          progress: 0,
          depth: 1,
          link: {
            type: 'FS',
            lagMinutes: 0,
            driving: true,
            dependencyId: 'l1',
            predecessorId: 'A',
            successorId: 'B',
            slackMinutes: 0,
          },
          expectedStart: schedule.tasks[0].earlyStart,
          expectedFinish: schedule.tasks[0].earlyFinish,
          totalFloatMinutes: 0,
          critical: true,
          readable: false,
        },
      ],
      downstream: [],
    });
    await tick();
    await fixture.whenStable();
    const upstream = el.querySelector('[data-testid=chain-upstream]');
    expect(upstream?.textContent).toContain('电力入地');
    expect(upstream?.textContent).toContain('电力公司 · 电力一班');
    expect(upstream?.textContent).toContain('agency.driving');
    expect(el.querySelector('[data-testid=chain-downstream]')?.textContent).toContain('agency.nobodyWaits');
    http.verify();
  });
});
