import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { Role } from '@worksite/shared-domain';
import { MakeReadyConstraintDto } from '@worksite/shared-make-ready';
import { SessionStore } from '@worksite/web-auth-data-access';
import { userOf } from '@worksite/web-auth-data-access/testing';
import { TaskConstraintsComponent } from './task-constraints.component';

const tick = () => new Promise((resolve) => setTimeout(resolve));
const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });

const constraint = (over: Partial<MakeReadyConstraintDto> = {}): MakeReadyConstraintDto => ({
  id: 'c1',
  projectId: 'p-1',
  taskId: 't1',
  kind: 'dig_permit',
  description: '掘路许可证 2026-118',
  ownerDepartmentId: 'dep-1',
  ownerUserId: null,
  ownerName: '城建',
  dueDate: '2026-12-01',
  status: 'open',
  clearedAt: null,
  clearedByName: null,
  announcementId: null,
  version: 1,
  createdAt: '2026-11-20T00:00:00Z',
  ...over,
});

describe('TaskConstraintsComponent', () => {
  async function open(role: Role, mayPlan: boolean, list: MakeReadyConstraintDto[]) {
    TestBed.configureTestingModule({
      imports: [TaskConstraintsComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslateService({ lang: 'zh-CN' })],
    });
    const http = TestBed.inject(HttpTestingController);
    const session = TestBed.inject(SessionStore);
    const login = session.login('u', 'p');
    http.expectOne('/api/auth/login').flush({ accessToken: 't', user: userOf(role) });
    await login;
    const fixture = TestBed.createComponent(TaskConstraintsComponent);
    fixture.componentRef.setInput('taskId', 't1');
    fixture.componentRef.setInput('projectId', 'p1');
    fixture.componentRef.setInput('mayPlan', mayPlan);
    fixture.componentRef.setInput('today', '2026-12-04');
    fixture.componentRef.setInput('departments', [{ id: 'dep-1', name: '城建' }]);
    const changed = jest.fn();
    fixture.componentInstance.changed.subscribe(changed);
    fixture.detectChanges();
    http.expectOne('/api/tasks/t1/constraints').flush(list);
    if (mayPlan)
      http.expectOne('/api/projects/p1/constraint-owners').flush([
        { id: 'u-coordinator', displayName: '李协调', role: 'coordinator', crews: [], departmentName: null },
        { id: 'u-lead', displayName: '王建国', role: 'contractor', crews: ['电缆一班'], departmentName: null },
      ]);
    await tick();
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const click = async (selector: string) => {
      el.querySelector<HTMLButtonElement>(selector)?.click();
      await fixture.whenStable();
    };
    return { fixture, http, el, changed, click };
  }

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lists the constraints, marks an overdue one and says the task is not ready', async () => {
    const { el } = await open(Role.Coordinator, true, [constraint()]);
    expect(el.querySelector('[data-testid="make-ready-state"]')?.getAttribute('data-ready')).toBe('false');
    expect(el.querySelector('[data-testid="constraint"]')?.textContent).toContain('掘路许可证 2026-118');
    expect(el.querySelector('[data-testid="constraint-due"]')?.classList).toContain('overdue');
  });

  it('adds a constraint owned by a department and tells the page', async () => {
    const { el, http, click, changed, fixture } = await open(Role.Coordinator, true, []);
    expect(el.querySelector('[data-testid="make-ready-state"]')?.getAttribute('data-ready')).toBe('true');
    await click('[data-testid="constraint-add"]');
    const owner = el.querySelector<HTMLSelectElement>('[data-testid="constraint-owner"]') as HTMLSelectElement;
    owner.value = 'd:dep-1';
    owner.dispatchEvent(new Event('change'));
    const description = el.querySelector<HTMLInputElement>(
      '[data-testid="constraint-description"]',
    ) as HTMLInputElement;
    description.value = '电缆到场';
    description.dispatchEvent(new Event('input'));
    await click('[data-testid="constraint-save"]');
    const post = http.expectOne('/api/tasks/t1/constraints');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ kind: 'materials', ownerDepartmentId: 'dep-1', description: '电缆到场' });
    post.flush(constraint({ id: 'c2', kind: 'materials', description: '电缆到场', dueDate: null }));
    await tick();
    await fixture.whenStable();
    expect(changed).toHaveBeenCalledTimes(1);
    expect(el.querySelectorAll('[data-testid="constraint"]')).toHaveLength(1);
    expect(el.querySelector('[data-testid="make-ready-state"]')?.getAttribute('data-ready')).toBe('false');
  });

  it("offers the project's people as owners, a crew lead with his crew, and names him owner", async () => {
    const { el, http, click } = await open(Role.Coordinator, true, []);
    await click('[data-testid="constraint-add"]');
    const owner = el.querySelector<HTMLSelectElement>('[data-testid="constraint-owner"]') as HTMLSelectElement;
    const people = [...owner.querySelectorAll('optgroup')[1].querySelectorAll('option')];
    expect(people.map((o) => [o.value, o.textContent?.trim()])).toEqual([
      ['u:u-coordinator', '李协调'],
      ['u:u-lead', '王建国（电缆一班）'],
    ]);
    owner.value = 'u:u-lead';
    owner.dispatchEvent(new Event('change'));
    await click('[data-testid="constraint-save"]');
    const post = http.expectOne('/api/tasks/t1/constraints');
    expect(post.request.body).toEqual({ kind: 'materials', ownerUserId: 'u-lead' });
    post.flush(constraint({ id: 'c3', kind: 'materials', ownerUserId: 'u-lead', ownerName: '王建国' }));
    await tick();
  });

  it('lets the owner department clear it, but not delete it', async () => {
    const { el, http, click, changed, fixture } = await open(Role.Agency, false, [constraint()]);
    expect(el.querySelector('[data-testid="constraint-delete"]')).toBeNull();
    expect(el.querySelector('[data-testid="constraint-add"]')).toBeNull();
    await click('[data-testid="constraint-move"]');
    const clear = http.expectOne('/api/constraints/c1/clear');
    expect(clear.request.body).toEqual({ version: 1 });
    clear.flush(
      constraint({ status: 'cleared', version: 2, clearedByName: '城建', clearedAt: '2026-12-04T02:00:00Z' }),
    );
    await tick();
    await fixture.whenStable();
    expect(changed).toHaveBeenCalled();
    expect(el.querySelector('[data-testid="make-ready-state"]')?.getAttribute('data-ready')).toBe('true');
    expect(el.querySelector('ws-constraint-line')?.getAttribute('data-status')).toBe('cleared');
  });

  it('shows no actions to a user who neither plans nor owns it', async () => {
    const { el } = await open(Role.Agency, false, [constraint({ ownerDepartmentId: 'other' })]);
    expect(el.querySelector('[data-testid="constraint-move"]')).toBeNull();
  });

  it('after a 409 says someone else changed it and shows the stored list', async () => {
    const { el, http, click, changed, fixture } = await open(Role.Coordinator, true, [constraint()]);
    await click('[data-testid="constraint-delete"]');
    http
      .expectOne((r) => r.url === '/api/constraints/c1' && r.params.get('version') === '1')
      .flush({ code: 'stale_version', message: '已被他人修改' }, { status: 409, statusText: 'Conflict' });
    await tick();
    http.expectOne('/api/tasks/t1/constraints').flush([constraint({ version: 2, description: '新说明' })]);
    await tick();
    await fixture.whenStable();
    expect(changed).not.toHaveBeenCalled();
    expect(el.querySelector('[data-testid="make-ready-failure"]')?.textContent).toContain('已被他人修改');
    expect(el.querySelector('[data-testid="constraint"]')?.textContent).toContain('新说明');
  });
});
