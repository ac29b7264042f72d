import { TestBed } from '@angular/core/testing';
import { Role } from '@worksite/shared-domain';
import { cableFirePlaybook } from '../../testing/playbook-fixture';
import { signedInTestBed } from '@worksite/web-auth-data-access/testing';
import { PlaybooksPage } from './playbooks.page';

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });
const tick = () => new Promise((resolve) => setTimeout(resolve));

const playbook = cableFirePlaybook();

describe('PlaybooksPage', () => {
  async function open(role: Role) {
    const http = await signedInTestBed(PlaybooksPage, role);
    const fixture = TestBed.createComponent(PlaybooksPage);
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/playbooks').flush(page([playbook]));
    http
      .expectOne((r) => r.url === '/api/departments')
      .flush(
        page([
          { id: 'power', kind: 'power', name: '供电公司' },
          { id: 'community', kind: 'community', name: '社区居委会' },
        ]),
      );
    http.expectOne((r) => r.url === '/api/crews').flush(page([]));
    http.expectOne((r) => r.url === '/api/locations').flush(page([]));
    await tick();
    fixture.detectChanges();
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  it('lets an administrator type a duration as "2小时" and saves it in minutes on the version read', async () => {
    const { fixture, http, el } = await open(Role.Admin);
    const duration = el.querySelector('[data-testid=playbook-step] input[name=duration]') as HTMLInputElement;
    expect(duration.value).toBe('1小时');
    duration.value = '2小时';
    duration.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    (el.querySelector('[data-testid=save-playbook]') as HTMLButtonElement).click();
    const request = http.expectOne('/api/playbooks/p1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body.version).toBe(3);
    expect(request.request.body.steps[0]).toMatchObject({
      key: 'power-safe',
      durationMinutes: 120,
      tools: ['验电笔', '绝缘手套'],
    });
    request.flush({ ...playbook, version: 5, steps: [{ ...playbook.steps[0], durationMinutes: 120 }] });
    await tick();
    fixture.detectChanges();
    expect(el.querySelector('[role=status]')).not.toBeNull();
  });

  it('does not send a step without a readable duration', async () => {
    const { fixture, http, el } = await open(Role.Admin);
    const duration = el.querySelector('[data-testid=playbook-step] input[name=duration]') as HTMLInputElement;
    duration.value = 'soon';
    duration.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    (el.querySelector('[data-testid=save-playbook]') as HTMLButtonElement).click();
    fixture.detectChanges();
    http.expectNone('/api/playbooks/p1');
    expect(el.querySelector('[data-testid=playbook-step] .ws-error')?.textContent).toContain(
      'incidents.playbooks.problems.duration',
    );
  });

  it('shows a coordinator the playbook to read, without a form', async () => {
    const { el } = await open(Role.Coordinator);
    expect(el.querySelector('[data-testid=playbook-form]')).toBeNull();
    expect(el.querySelector('[data-testid=playbook-view]')?.textContent).toContain('社区居委会');
  });
});
