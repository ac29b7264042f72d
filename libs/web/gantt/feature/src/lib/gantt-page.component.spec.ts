import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { ProjectScheduleDto } from '@worksite/shared-domain';
import { SessionStore } from '@worksite/web-auth-data-access';
import { GanttChartComponent } from '@worksite/web-gantt-ui';
import { at, scheduleFixture } from '@worksite/web-planning-data-access/testing';
import { URL_WRITE_DELAY_MS } from './gantt-filter-sync';
import { GanttPage } from './gantt-page.component';
import { TaskPanelComponent } from './task-panel.component';

const t = (local: string) => Date.parse(at(local));
const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });
const tick = () => new Promise((resolve) => setTimeout(resolve));

describe('GanttPage', () => {
  let fixture: ComponentFixture<GanttPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

  async function signIn(role: string, projectIds: string[]) {
    const session = TestBed.inject(SessionStore);
    const done = session.login('u', 'p');
    http.expectOne('/api/auth/login').flush({
      accessToken: 't',
      user: {
        id: 'u',
        username: 'u',
        displayName: 'U',
        role,
        language: 'zh-CN',
        departmentId: null,
        crewIds: [],
        projectIds,
      },
    });
    await done;
  }

  async function reloadWith(schedule: ProjectScheduleDto) {
    await tick();
    http.expectOne('/api/projects/p1/schedule').flush(schedule);
    await tick();
    http.expectOne((r) => r.url === '/api/projects/p1/conflicts').flush({ items: [] });
    await fixture.whenStable();
  }

  async function open(role = 'coordinator', projectIds = ['p1']) {
    await signIn(role, projectIds);
    fixture = TestBed.createComponent(GanttPage);
    fixture.componentRef.setInput('projectId', 'p1');
    fixture.detectChanges();
    http.expectOne('/api/projects/p1/schedule').flush(scheduleFixture());
    http
      .expectOne((r) => r.url === '/api/departments')
      .flush(page([{ id: 'power', name: '电力公司', color: '#f08c00' }]));
    http.expectOne((r) => r.url === '/api/crews').flush(page([]));
    http.expectOne((r) => r.url === '/api/locations').flush(page([]));
    await tick();
    http.expectOne((r) => r.url === '/api/projects/p1/conflicts').flush({ items: [] });
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
    return fixture.debugElement.query(By.directive(GanttChartComponent)).componentInstance as GanttChartComponent;
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [GanttPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ lang: 'zh-CN' }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  it('shows the project and its bars', async () => {
    const chart = await open();
    expect(el.querySelector('h1')?.textContent).toContain('测试项目');
    expect(
      chart
        .bars()
        .map((b) => b.id)
        .sort(),
    ).toEqual(['A', 'B', 'C']);
    expect(chart.editable()).toBe(true);
    expect(chart.timeZone()).toBe('Asia/Shanghai');
  });

  it('feeds the engine preview into the chart while dragging and saves on drop', async () => {
    const chart = await open();
    chart.barDrag.emit({ taskId: 'A', kind: 'move', start: t('2026-03-03T08:00'), finish: t('2026-03-03T12:00') });
    await fixture.whenStable();
    expect(chart.preview()?.get('B')).toEqual({ start: t('2026-03-03T14:00'), finish: t('2026-03-03T18:00') });
    expect(el.querySelector('[role=status].live')?.textContent).toContain('gantt.movingAlong');

    chart.barDragEnd.emit({ taskId: 'A', kind: 'move', start: t('2026-03-03T08:00'), finish: t('2026-03-03T12:00') });
    const patch = http.expectOne('/api/tasks/A');
    expect(patch.request.body).toEqual({ plannedStart: at('2026-03-03T08:00'), version: 1 });
    patch.flush({});
    await reloadWith(scheduleFixture());
    expect(chart.preview()).toBeNull();
    expect(el.querySelector('[data-testid=gantt-notice]')?.getAttribute('data-kind')).toBe('saved');
  });

  it('shows a 409 as an alert and reloads the chart', async () => {
    const chart = await open();
    chart.barDragEnd.emit({ taskId: 'B', kind: 'move', start: t('2026-03-03T14:00'), finish: t('2026-03-03T18:00') });
    http
      .expectOne('/api/tasks/B')
      .flush({ statusCode: 409, code: 'version_conflict', message: 'stale' }, { status: 409, statusText: 'Conflict' });
    await reloadWith(scheduleFixture());
    const alert = el.querySelector('[data-testid=gantt-notice]');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.getAttribute('data-kind')).toBe('conflict');
  });

  it('opens the side panel, saves the changed fields and shows the API problems under them', async () => {
    const chart = await open();
    chart.taskOpen.emit('A');
    await fixture.whenStable();
    const panel = fixture.debugElement.query(By.directive(TaskPanelComponent));
    expect(panel).not.toBeNull();
    const title = el.querySelector<HTMLInputElement>('ws-task-panel input[name=title]') as HTMLInputElement;
    title.value = '电力入地（改）';
    title.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    el.querySelector<HTMLFormElement>('ws-task-panel form')?.dispatchEvent(new Event('submit'));
    const patch = http.expectOne('/api/tasks/A');
    expect(patch.request.body).toEqual({ title: '电力入地（改）', version: 1 });
    patch.flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Invalid task',
        problems: [{ field: 'title', messages: ['title is taken'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await tick();
    await fixture.whenStable();
    expect(el.querySelector('ws-task-panel [role=alert]')?.textContent).toContain('Invalid task');
    expect(el.querySelector('ws-task-panel')?.textContent).toContain('title is taken');
  });

  it('closes the panel with Escape and gives the keyboard back to the chart', async () => {
    const chart = await open();
    chart.taskOpen.emit('A');
    await fixture.whenStable();
    const panel = el.querySelector('ws-task-panel') as HTMLElement;
    panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await fixture.whenStable();
    expect(el.querySelector('ws-task-panel')).toBeNull();
    expect(document.activeElement).toBe(el.querySelector('ws-gantt-chart .viewport'));
  });

  it('takes the grouping and zoom from the URL', async () => {
    await signIn('coordinator', ['p1']);
    fixture = TestBed.createComponent(GanttPage);
    fixture.componentRef.setInput('projectId', 'p1');
    fixture.componentRef.setInput('group', 'crew');
    fixture.componentRef.setInput('zoom', 'hour');
    fixture.detectChanges();
    http.expectOne('/api/projects/p1/schedule').flush(scheduleFixture());
    for (const url of ['/api/departments', '/api/crews', '/api/locations']) {
      http.expectOne((r) => r.url === url).flush(page([]));
    }
    await tick();
    http.expectOne((r) => r.url === '/api/projects/p1/conflicts').flush({ items: [] });
    await fixture.whenStable();
    const chart = fixture.debugElement.query(By.directive(GanttChartComponent))
      .componentInstance as GanttChartComponent;
    expect(chart.zoom()).toBe('hour');
    expect(chart.rows().map((g) => g.id)).toContain('crew:crew-power');
  });

  it('is read-only for a viewer', async () => {
    const chart = await open('viewer', []);
    expect(chart.editable()).toBe(false);
  });

  it('narrows the rows to the search after the debounce and keeps it in the URL', async () => {
    const chart = await open();
    const router = TestBed.inject(Router);
    const box = el.querySelector('[data-testid=filter-text]') as HTMLInputElement;
    box.value = '移动';
    box.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(chart.rows().flatMap((g) => g.rows.map((r) => r.id))).toEqual(['A', 'B', 'C']);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await fixture.whenStable();
    expect(chart.rows().flatMap((g) => g.rows.map((r) => r.id))).toEqual(['B']);
    // The URL follows once the typing pauses.
    expect(router.url).not.toContain('q=');
    await new Promise((resolve) => setTimeout(resolve, URL_WRITE_DELAY_MS));
    await fixture.whenStable();
    expect(router.url).toContain(`q=${encodeURIComponent('移动')}`);
    expect(el.querySelector('[data-testid=filter-shown]')?.textContent).toContain('ganttFilter.shown');
    // A link (or Back) that changes the URL changes the filter.
    await router.navigateByUrl('/?critical=1');
    await fixture.whenStable();
    expect(
      chart
        .rows()
        .flatMap((g) => g.rows.map((r) => r.id))
        .sort(),
    ).toEqual(['A', 'B']);
    expect(box.value).toBe('');
  });

  it('edits a dependency in its popover: lag typed in days, saved with its version, then reloads', async () => {
    const chart = await open();
    const link = chart.links()[0];
    chart.linkOpen.emit({ link, clientX: 200, clientY: 200 });
    await fixture.whenStable();
    const lag = el.querySelector('[data-testid=link-lag]') as HTMLInputElement;
    expect(lag.value).toBe('0天');
    const type = (value: string) => {
      lag.value = value;
      lag.dispatchEvent(new Event('input'));
    };
    const save = () => (el.querySelector('[data-testid=link-save]') as HTMLButtonElement).click();
    type('两天');
    save();
    await fixture.whenStable();
    const patch = http.expectOne('/api/dependencies/l1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ lagMinutes: 960, version: 1 });
    patch.flush({ error: 'cycle' }, { status: 422, statusText: 'Unprocessable Entity' });
    await tick();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=link-error]')?.textContent).toContain('ganttLink.cycle');

    type('1 d x');
    save();
    await fixture.whenStable();
    http.expectNone('/api/dependencies/l1');
    expect(el.querySelector('[data-testid=link-error]')?.textContent).toContain('ganttLink.lagInvalid');

    type('-4h');
    save();
    await fixture.whenStable();
    const ok = http.expectOne('/api/dependencies/l1');
    expect(ok.request.body).toEqual({ lagMinutes: -240, version: 1 });
    ok.flush({});
    await reloadWith(scheduleFixture());
    expect(el.querySelector('[data-testid=link-editor]')).toBeNull();
    expect(el.querySelector('[data-testid=gantt-notice]')?.getAttribute('data-kind')).toBe('saved');
  });

  it('deletes a dependency from its popover', async () => {
    const chart = await open();
    chart.linkOpen.emit({ link: chart.links()[0], clientX: 10, clientY: 10 });
    await fixture.whenStable();
    (el.querySelector('[data-testid=link-delete]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const request = http.expectOne('/api/dependencies/l1');
    expect(request.request.method).toBe('DELETE');
    request.flush(null);
    await reloadWith({ ...scheduleFixture(), dependencies: [] });
    expect(el.querySelector('[data-testid=link-editor]')).toBeNull();
    expect(chart.links()).toEqual([]);
  });
});
