import { TestBed } from '@angular/core/testing';
import { IncidentDepartmentStatus, Role } from '@worksite/shared-domain';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import { at, cableFire } from '../../testing/incident-fixture';
import { signedInTestBed } from '@worksite/web-auth-data-access/testing';
import { IncidentBoardPage } from './incident-board.page';

const tick = () => new Promise((resolve) => setTimeout(resolve));

/** A stream whose chunks the test pushes. */
function controllableStream() {
  const encoder = new NodeTextEncoder();
  const waiting: ((chunk: { done: boolean; value?: Uint8Array }) => void)[] = [];
  const queued: string[] = [];
  return {
    response: {
      status: 200,
      ok: true,
      body: {
        getReader: () => ({
          read: () =>
            new Promise<{ done: boolean; value?: Uint8Array }>((resolve) => {
              const next = queued.shift();
              if (next !== undefined) resolve({ done: false, value: encoder.encode(next) });
              else waiting.push(resolve);
            }),
        }),
      },
    },
    push(text: string) {
      const resolve = waiting.shift();
      if (resolve) resolve({ done: false, value: encoder.encode(text) });
      else queued.push(text);
    },
  };
}

describe('IncidentBoardPage', () => {
  const realFetch = globalThis.fetch;
  const realDecoder = globalThis.TextDecoder;
  let stream: ReturnType<typeof controllableStream>;
  let fetchMock: jest.Mock;

  async function open(role: Role, departmentId: string | null = null) {
    stream = controllableStream();
    fetchMock = jest.fn().mockResolvedValue(stream.response);
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    globalThis.TextDecoder = NodeTextDecoder as unknown as typeof TextDecoder;
    const http = await signedInTestBed(IncidentBoardPage, role, { departmentId });
    const fixture = TestBed.createComponent(IncidentBoardPage);
    fixture.componentRef.setInput('incidentId', 'i1');
    fixture.detectChanges();
    http.expectOne('/api/incidents/i1').flush(cableFire());
    await tick();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const card = (id: string) =>
      el.querySelector(`[data-testid=department-card][data-department-id=${id}]`) as HTMLElement;
    return { fixture, http, el, card };
  }

  afterEach(() => {
    globalThis.fetch = realFetch;
    globalThis.TextDecoder = realDecoder;
  });

  it('shows each department with its steps and the time since the report', async () => {
    const { card, el } = await open(Role.Coordinator);
    expect(card('power').dataset['status']).toBe('acknowledged');
    expect(card('power').querySelector('[data-step=acknowledged]')?.textContent).toContain('14:06+6分钟');
    expect(card('cm').dataset['status']).toBe('notified');
    expect(el.querySelector('[data-testid=site-address]')?.textContent).toContain('八经街32号');
    expect(el.querySelectorAll('[data-testid=rush-task]').length).toBe(2);
    expect(el.querySelector('[data-testid=paperwork-countdown]')).not.toBeNull();
  });

  it('follows the stream with the session token: an acknowledgement shows without reloading', async () => {
    const { fixture, card } = await open(Role.Coordinator);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/incidents/i1/stream');
    expect(init.headers.authorization).toBe('Bearer token-1');
    const acknowledged = cableFire({
      departments: cableFire().departments.map((d) =>
        d.departmentId === 'cm' ? { ...d, status: IncidentDepartmentStatus.Acknowledged, acknowledgedAt: at(9) } : d,
      ),
    });
    stream.push(`event: incident\ndata: ${JSON.stringify(acknowledged)}\n\n`);
    await tick();
    fixture.detectChanges();
    expect(card('cm').dataset['status']).toBe('acknowledged');
  });

  it('lets a coordinator mark a department on site', async () => {
    const { fixture, http, card } = await open(Role.Coordinator);
    (card('power').querySelector('[data-testid=set-on_site]') as HTMLButtonElement).click();
    const request = http.expectOne('/api/incidents/i1/departments/power/status');
    expect(request.request.body).toEqual({ status: 'on_site' });
    const onSite = cableFire({
      departments: cableFire().departments.map((d) =>
        d.departmentId === 'power' ? { ...d, status: IncidentDepartmentStatus.OnSite, onSiteAt: at(30) } : d,
      ),
    });
    request.flush(onSite);
    await tick();
    fixture.detectChanges();
    expect(card('power').dataset['status']).toBe('on_site');
    expect(card('power').querySelector('[data-testid=set-on_site]')).toBeNull();
  });

  it("shows the server's refusal to close while the paperwork is open", async () => {
    const { fixture, http, el } = await open(Role.Coordinator);
    (el.querySelector('[data-testid=close-incident]') as HTMLButtonElement).click();
    http
      .expectOne('/api/incidents/i1/close')
      .flush(
        { statusCode: 409, code: 'incident_paperwork_open', message: '事故资料尚未完成，不能结案。' },
        { status: 409, statusText: 'Conflict' },
      );
    await tick();
    http.expectOne('/api/incidents/i1').flush(cableFire());
    await tick();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid=board-message]')?.textContent).toContain('事故资料尚未完成，不能结案。');
  });

  it('lets an agency move its own department only, and not close', async () => {
    const { el, card } = await open(Role.Agency, 'power');
    expect(card('power').querySelector('[data-testid=set-on_site]')).not.toBeNull();
    expect(card('cm').querySelector('[data-testid^=set-]')).toBeNull();
    expect(el.querySelector('[data-testid=close-incident]')).toBeNull();
  });

  it('gives a viewer no buttons', async () => {
    const { el } = await open(Role.Viewer);
    expect(el.querySelector('[data-testid=close-incident]')).toBeNull();
    expect(el.querySelector('[data-testid^=set-]')).toBeNull();
    expect(el.querySelector('[data-testid=paperwork-done]')).toBeNull();
  });
});
