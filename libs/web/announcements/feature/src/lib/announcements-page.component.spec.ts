import { signedInTestBed } from '@worksite/web-auth-data-access/testing';
import { TestBed } from '@angular/core/testing';
import { AnnouncementDto } from '@worksite/shared-announcements';
import { AnnouncementsPage } from './announcements-page.component';

const tick = () => new Promise((resolve) => setTimeout(resolve));

const draft: AnnouncementDto = {
  id: 'a1',
  version: 3,
  projectId: 'p1',
  taskId: 't1',
  taskTitle: '表箱改接',
  incidentId: null,
  state: 'draft',
  emergency: false,
  kinds: ['power'],
  startsAt: '2026-12-10T00:30:00Z',
  endsAt: '2026-12-10T03:30:00Z',
  locationIds: ['l1'],
  placesText: '和平新村 32号楼（1单元）',
  households: 24,
  reason: '飞线入地',
  workers: ['国网沈阳供电公司'],
  contacts: ['甄鸿波 13800241100'],
  text: '停电通知\n\n尊敬的各位居民：',
  edited: false,
  revision: 1,
  updateNeeded: false,
  approvedAt: null,
  approvedByName: null,
  postedAt: null,
  deadline: '2026-12-03T00:30:00Z',
  timing: 'missing',
  posts: [],
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:00:00Z',
};

describe('AnnouncementsPage', () => {
  async function open(role: string, announcement: AnnouncementDto = draft) {
    const http = await signedInTestBed(AnnouncementsPage, role, { projectIds: ['p1'] });
    const fixture = TestBed.createComponent(AnnouncementsPage);
    fixture.componentRef.setInput('projectId', 'p1');
    fixture.detectChanges();
    http.expectOne('/api/projects/p1').flush({ id: 'p1', code: 'HPXC', name: '飞线入地', timeZone: 'Asia/Shanghai' });
    http.expectOne('/api/projects/p1/announcements').flush({ items: [announcement] });
    await tick();
    fixture.detectChanges();
    return { fixture, http, element: fixture.nativeElement as HTMLElement };
  }

  it('offers a coordinator approve on a draft (never post), and shows the approved state with post', async () => {
    const { fixture, http, element } = await open('coordinator');
    expect(element.querySelector('[data-testid=post]')).toBeNull();
    expect(element.querySelector('[data-testid=announcement-timing]')?.classList).toContain('bad');
    (element.querySelector('[data-testid=approve]') as HTMLButtonElement).click();
    const request = http.expectOne('/api/announcements/a1/approve');
    expect(request.request.body).toEqual({ version: 3 });
    request.flush({ ...draft, state: 'approved', version: 4 });
    await tick();
    fixture.detectChanges();
    expect(element.querySelector('[data-testid=announcement]')?.getAttribute('data-state')).toBe('approved');
    expect(element.querySelector('[data-testid=post]')).not.toBeNull();
    expect(element.querySelector('[data-testid=approve]')).toBeNull();
  });

  it('shows a viewer the text without edit, approve or post', async () => {
    const { element } = await open('viewer');
    expect(element.querySelector('pre[data-testid=announcement-text]')?.textContent).toContain('停电通知');
    expect(element.querySelector('textarea')).toBeNull();
    expect(element.querySelector('[data-testid=approve]')).toBeNull();
    expect(element.querySelector('[data-testid=print-notice]')).not.toBeNull();
  });

  it('names every kind of cut in the heading, separated, before the task', async () => {
    const { element } = await open('viewer', { ...draft, kinds: ['power', 'water'] });
    // Translations show their keys here: each kind, the separator between them only, then the task.
    const kinds = element.querySelector('[data-testid=announcement] .kinds')?.textContent?.trim();
    expect(kinds).toBe('interruption.powerannouncements.kindSeparatorinterruption.water');
    // A cut inside one day names the day once: 12月10日 08:30–11:30.
    const when = [...element.querySelectorAll('[data-testid=announcement] dd')].map((dd) => dd.textContent?.trim());
    expect(when).toContain('12月10日周四 08:30–11:30');
    expect(element.querySelector('[data-testid=announcement] strong')?.textContent).toMatch(
      /interruption\.water\s*· 表箱改接/,
    );
  });
});
