import { TestBed } from '@angular/core/testing';
import { OnCallRosterDto, Role } from '@worksite/shared-domain';
import { signedInTestBed } from '@worksite/web-auth-data-access/testing';
import { RosterPage } from './roster.page';

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });
const tick = () => new Promise((resolve) => setTimeout(resolve));

const roster: OnCallRosterDto = {
  departmentId: 'power',
  departmentName: '国网沈阳供电公司',
  version: 2,
  dutyLeadName: '刘振东',
  dutyLeadPhone: '024-22860001',
  defaultCrewId: 'c1',
  defaultCrewName: '抢修班',
  shifts: [],
  onDutyCrewId: 'c1',
  onDutyCrewName: '抢修班',
};

describe('RosterPage', () => {
  async function open(role: Role) {
    const http = await signedInTestBed(RosterPage, role);
    const fixture = TestBed.createComponent(RosterPage);
    fixture.detectChanges();
    http.expectOne('/api/on-call').flush([roster]);
    http.expectOne((r) => r.url === '/api/departments').flush(page([]));
    http
      .expectOne((r) => r.url === '/api/crews')
      .flush(
        page([
          {
            id: 'c1',
            name: '抢修班',
            departmentId: 'power',
            contractorId: 'k',
            leaderName: '张德明',
            leaderPhone: null,
          },
          {
            id: 'c2',
            name: '电缆一班',
            departmentId: 'power',
            contractorId: 'k',
            leaderName: '王建国',
            leaderPhone: null,
          },
          {
            id: 'x',
            name: '线路一班',
            departmentId: 'mobile',
            contractorId: 'k',
            leaderName: '马春雷',
            leaderPhone: null,
          },
        ]),
      );
    http.expectOne((r) => r.url === '/api/locations').flush(page([]));
    await tick();
    fixture.detectChanges();
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  it('shows who is on duty now and lets a coordinator add a duty period of a crew of the department', async () => {
    const { fixture, http, el } = await open(Role.Coordinator);
    expect(el.querySelector('[data-testid=on-duty]')?.textContent).toContain('抢修班');
    (el.querySelector('[data-testid=edit-roster]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const form = el.querySelector('[data-testid=roster-form]') as HTMLFormElement;
    const crews = [...(form.querySelector('select[name=defaultCrewId]') as HTMLSelectElement).options].map(
      (o) => o.text,
    );
    expect(crews).toEqual(['incidents.roster.nobody', '抢修班', '电缆一班']);
    (form.querySelector('.actions button') as HTMLButtonElement).click();
    fixture.detectChanges();
    const shift = form.querySelector('[data-testid=roster-shift]') as HTMLElement;
    const crew = shift.querySelector('select') as HTMLSelectElement;
    crew.value = 'c2';
    crew.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    (form.querySelector('[data-testid=save-roster]') as HTMLButtonElement).click();
    const request = http.expectOne('/api/on-call/power');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toMatchObject({ version: 2, dutyLeadName: '刘振东', defaultCrewId: 'c1' });
    const [added] = request.request.body.shifts;
    expect(added.crewId).toBe('c2');
    expect(Date.parse(added.endsAt) - Date.parse(added.startsAt)).toBe(12 * 3_600_000);
    request.flush({ ...roster, version: 3, shifts: [{ ...added, crewName: '电缆一班' }] });
    await tick();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid=roster-form]')).toBeNull();
  });

  it('gives a viewer no edit button', async () => {
    const { el } = await open(Role.Viewer);
    expect(el.querySelector('[data-testid=edit-roster]')).toBeNull();
  });
});
