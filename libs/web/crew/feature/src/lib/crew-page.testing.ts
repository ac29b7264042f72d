import { signedInTestBed } from '@worksite/web-auth-data-access/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MakeReadyConstraintDto } from '@worksite/shared-make-ready';
import { scheduleFixture, taskFixture } from '@worksite/web-planning-data-access/testing';
import { CrewPage } from './crew-page.component';

export const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });
export const tick = () => new Promise((resolve) => setTimeout(resolve));

/**
 * Signs a crew lead in (user `lead.id`, leading `lead.crewIds`), opens the crew page and answers
 * its reference-data requests; the test answers the tasks and notices requests itself.
 */
export async function openCrewPage(
  lead: { id: string; crewIds: string[] },
  crews: { id: string; name: string; leaderName?: string }[] = [],
): Promise<{ fixture: ComponentFixture<CrewPage>; http: HttpTestingController }> {
  const http = await signedInTestBed(CrewPage, 'contractor', { id: lead.id, crewIds: lead.crewIds });
  const fixture = TestBed.createComponent(CrewPage);
  fixture.detectChanges();
  http.expectOne((r) => r.url === '/api/projects').flush(page([scheduleFixture().project]));
  http.expectOne((r) => r.url === '/api/departments').flush(page([]));
  http.expectOne((r) => r.url === '/api/crews').flush(page(crews));
  http.expectOne((r) => r.url === '/api/locations').flush(page([]));
  await tick();
  return { fixture, http };
}

/**
 * Answers the days the page asks for when a lead of several crews opens it, one per crew side by
 * side (their tasks and today's reports): a task today for the crews `working`, none for the
 * others. Fails unless every crew was asked.
 */
export async function answerCrewDays(
  http: HttpTestingController,
  crewIds: readonly string[],
  working: readonly string[],
): Promise<void> {
  const tasks = http.match((r) => r.url === '/api/tasks');
  const reports = http.match((r) => r.url === '/api/crew/reports');
  for (const requests of [tasks, reports]) {
    const asked = requests.map((r) => r.request.params.get('crewId')).sort();
    if (asked.join() !== [...crewIds].sort().join())
      throw new Error(`asked about crews ${asked.join()}, not ${crewIds.join()}`);
  }
  const now = Date.now();
  for (const request of tasks) {
    const crewId = request.request.params.get('crewId') ?? '';
    const today = taskFixture(`today-${crewId}`, {
      crewId,
      plannedStart: new Date(now - 3600_000).toISOString(),
      plannedFinish: new Date(now + 3600_000).toISOString(),
    });
    request.flush(page(working.includes(crewId) ? [today] : []));
  }
  for (const request of reports) request.flush({ reports: [] });
  await tick();
}

/** The open constraint `flushReadiness` gives a task that is not ready (materials, the lead clears it). */
export const openConstraintOf = (taskId: string): MakeReadyConstraintDto => ({
  id: `c-${taskId}`,
  projectId: scheduleFixture().project.id,
  taskId,
  kind: 'materials',
  description: 'YJV22 电缆 200 米到场',
  ownerDepartmentId: null,
  ownerUserId: 'lead-1',
  ownerName: '王建国',
  dueDate: '2026-03-02',
  status: 'open',
  clearedAt: null,
  clearedByName: null,
  announcementId: null,
  version: 1,
  createdAt: '2026-02-27T02:00:00.000Z',
});

/**
 * Answers the page's readiness requests (one per project of the crew's tasks, sent once the tasks
 * are in, asking for the open constraints): the tasks `notReady` have an open make-ready
 * constraint (`openConstraintOf`), a task that is ready one that is cleared. Fails when none was
 * sent; returns the requests' urls.
 */
export async function flushReadiness(http: HttpTestingController, notReady: string[] = []): Promise<string[]> {
  await tick();
  const requests = http.match((r) => r.url.endsWith('/readiness'));
  if (requests.length === 0) throw new Error('the page asked for no readiness');
  const tasks = [
    ...notReady.map((taskId) => ({
      taskId,
      ready: false,
      openConstraints: 1,
      nextDue: '2026-03-02',
      constraints: [openConstraintOf(taskId)],
    })),
    { taskId: 'ready-elsewhere', ready: true, openConstraints: 0, nextDue: null },
  ];
  for (const request of requests) request.flush({ tasks });
  await tick();
  return requests.map((request) => request.request.urlWithParams);
}

/** Answers the chosen crew's notices and deliveries (none; fails unless `crewId`'s were asked) and lets the page settle. */
export async function answerNoNotices(
  http: HttpTestingController,
  fixture: ComponentFixture<CrewPage>,
  crewId: string,
): Promise<void> {
  http.expectOne((r) => r.url === '/api/notices' && r.params.get('crewId') === crewId).flush(page([]));
  http.expectOne((r) => r.url === '/api/deliveries').flush(page([]));
  await tick();
  await fixture.whenStable();
}
