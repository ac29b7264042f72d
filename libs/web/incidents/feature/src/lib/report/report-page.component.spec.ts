import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { Role } from '@worksite/shared-domain';
import { cableFire } from '../../testing/incident-fixture';
import { signedInTestBed } from '@worksite/web-auth-data-access/testing';
import { ReportIncidentPage } from './report-page.component';

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });
const tick = () => new Promise((resolve) => setTimeout(resolve));

describe('ReportIncidentPage', () => {
  async function open() {
    const http = await signedInTestBed(ReportIncidentPage, Role.Coordinator);
    const fixture = TestBed.createComponent(ReportIncidentPage);
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/departments').flush(page([]));
    http.expectOne((r) => r.url === '/api/crews').flush(page([]));
    http
      .expectOne((r) => r.url === '/api/locations')
      .flush(
        page([
          { id: 'c1', kind: 'compound', name: '八经小区', parentId: null },
          { id: 'b32', kind: 'building', name: '32号楼', parentId: 'c1' },
          { id: 'u1', kind: 'unit', name: '1单元', parentId: 'b32' },
        ]),
      );
    await tick();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const type = (name: string, value: string) => {
      const input = el.querySelector(`[name=${name}]`) as HTMLInputElement | HTMLSelectElement;
      input.value = value;
      input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
      fixture.detectChanges();
    };
    return { fixture, http, el, type };
  }

  it('opens the incident at the unit picked, leaving "when" to the server, and goes to its board', async () => {
    const { http, el, type } = await open();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    type('title', '缓步台电缆起火');
    type('callerName', '李桂兰');
    type('compound', 'c1');
    type('building', 'b32');
    type('unit', 'u1');
    (el.querySelector('[data-testid=open-incident]') as HTMLButtonElement).click();
    const request = http.expectOne('/api/incidents');
    expect(request.request.body).toEqual({
      kind: 'cable_fire',
      severity: 'major',
      title: '缓步台电缆起火',
      callerName: '李桂兰',
      locationId: 'u1',
    });
    request.flush(cableFire({ id: 'new-1' }));
    await tick();
    expect(navigate).toHaveBeenCalledWith(['/incidents', 'new-1']);
  });

  it('asks for what, who and where before sending anything', async () => {
    const { fixture, http, el } = await open();
    (el.querySelector('[data-testid=open-incident]') as HTMLButtonElement).click();
    fixture.detectChanges();
    http.expectNone('/api/incidents');
    expect(el.querySelectorAll('.ws-error').length).toBe(3);
  });
});
