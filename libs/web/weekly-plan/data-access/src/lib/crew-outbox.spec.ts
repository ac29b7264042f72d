import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CrewOutbox } from './crew-outbox';
import { crewTapsKey } from './crew-phone-keys';

const tick = () => new Promise((resolve) => setTimeout(resolve));
const ACKED = { acknowledged: true, changed: true, notice: { id: 'n1', acknowledgedAt: '2026-12-04T01:00:00Z' } };

describe('CrewOutbox', () => {
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
    localStorage.clear();
  });

  function setUp() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    return { outbox: TestBed.inject(CrewOutbox), http: TestBed.inject(HttpTestingController) };
  }

  it('queues "收到" made offline with the taps, counts it as waiting and sends it once back online', async () => {
    const { outbox, http } = setUp();
    const online = jest.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    outbox.open('lead-1');
    outbox.tap({ taskId: 't1', kind: 'done' });
    const ack = outbox.ack('n1');
    // A second tap on the same notice is the same acknowledgement.
    expect(outbox.ack('n1')).toBe(ack);
    await tick();
    http.expectNone(() => true);
    expect(outbox.waiting()).toBe(2);
    expect(outbox.acks().map((a) => a.noticeId)).toEqual(['n1']);
    expect(outbox.reports().map((r) => r.taskId)).toEqual(['t1']);
    expect(JSON.parse(localStorage.getItem(crewTapsKey('lead-1')) ?? '[]')).toHaveLength(2);

    online.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await tick();
    http.expectOne('/api/crew/reports').flush({ applied: true, task: { id: 't1', status: 'done', progress: 100 } });
    await tick();
    const sent = http.expectOne({ method: 'POST', url: '/api/notices/n1/acknowledge' });
    // The time of the tap goes with it (the server stores when the lead read the notice, not when it arrived).
    expect(sent.request.body).toEqual({ tappedAt: ack.tappedAt });
    sent.flush(ACKED);
    await tick();
    expect(outbox.waiting()).toBe(0);
    // Sent, it still shows as acknowledged on the page (until the server's list replaces it).
    expect(outbox.acks().map((a) => a.noticeId)).toEqual(['n1']);
    window.dispatchEvent(new Event('online'));
    await tick();
    http.verify();
  });

  it('lists an acknowledgement the server refuses and takes it off the page', async () => {
    const { outbox, http } = setUp();
    outbox.open('lead-1');
    outbox.ack('n1');
    await tick();
    http
      .expectOne('/api/notices/n1/acknowledge')
      .flush(
        { statusCode: 403, code: 'forbidden', message: '不是你班组的通知' },
        { status: 403, statusText: 'Forbidden' },
      );
    await tick();
    expect(outbox.waiting()).toBe(0);
    expect(outbox.acks()).toEqual([]);
    expect(outbox.rejected().map((r) => r.message)).toEqual(['不是你班组的通知']);
  });

  it('at logout: counts what waits, sends it on demand, or keeps it for the same user without sending it', async () => {
    const { outbox, http } = setUp();
    const online = jest.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    outbox.open('lead-1');
    outbox.ack('n1');
    await tick();
    expect(outbox.waitingFor('lead-1')).toBe(1);
    // Still no network: "send now" says one is still waiting.
    expect(await outbox.sendNow('lead-1')).toBe(1);

    // Kept for the next login: closed, nothing in memory, nothing sent, still stored for lead-1.
    outbox.close();
    expect(outbox.taps()).toEqual([]);
    expect(outbox.waiting()).toBe(0);
    expect(outbox.waitingFor('lead-1')).toBe(1);
    expect(outbox.waitingFor('lead-2')).toBe(0);
    online.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await tick();
    http.expectNone(() => true);

    // Another user's page does not send lead-1's acknowledgement; lead-1's next login does.
    outbox.open('lead-2');
    await tick();
    http.expectNone(() => true);
    const sent = outbox.sendNow('lead-1');
    await tick();
    http.expectOne('/api/notices/n1/acknowledge').flush(ACKED);
    expect(await sent).toBe(0);
    expect(outbox.waitingFor('lead-1')).toBe(0);
  });

  it("closes another user's queue when someone signs in, and keeps it open for the same user", async () => {
    const { outbox, http } = setUp();
    const online = jest.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    outbox.open('lead-1');
    outbox.ack('n1');
    outbox.signedIn('lead-1');
    expect(outbox.waiting()).toBe(1);
    outbox.signedIn('lead-2');
    expect(outbox.taps()).toEqual([]);
    online.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await tick();
    http.expectNone(() => true);
    expect(outbox.waitingFor('lead-1')).toBe(1);
  });

  it('discards what waits when the user chooses to', async () => {
    const { outbox } = setUp();
    jest.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    outbox.open('lead-1');
    outbox.tap({ taskId: 't1', kind: 'started' });
    outbox.discard('lead-1');
    expect(localStorage.getItem(crewTapsKey('lead-1'))).toBeNull();
    expect(outbox.waitingFor('lead-1')).toBe(0);
    expect(outbox.taps()).toEqual([]);
  });

  it('tries again, less and less often, when the send fails (the network came back only in name)', async () => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const outbox = TestBed.inject(CrewOutbox);
    const http = TestBed.inject(HttpTestingController);
    outbox.open('lead-1');
    const tap = outbox.tap({ taskId: 't1', kind: 'not_done', reason: 'materials_missing' });
    await jest.advanceTimersByTimeAsync(0);

    http.expectOne('/api/crew/reports').flush(null, { status: 504, statusText: 'Gateway Timeout' });
    await jest.advanceTimersByTimeAsync(0);
    expect(outbox.waiting()).toBe(1);
    await jest.advanceTimersByTimeAsync(1_999);
    http.expectNone('/api/crew/reports');
    await jest.advanceTimersByTimeAsync(1);
    http.expectOne('/api/crew/reports').error(new ProgressEvent('error'));
    await jest.advanceTimersByTimeAsync(3_999);
    http.expectNone('/api/crew/reports');
    await jest.advanceTimersByTimeAsync(1);
    const third = http.expectOne('/api/crew/reports');
    expect(third.request.body.clientKey).toBe(tap.clientKey);
    third.flush({ applied: true, task: { id: 't1', status: 'planned', progress: 0, version: 2 } });
    await jest.advanceTimersByTimeAsync(0);
    expect(outbox.waiting()).toBe(0);
    expect(outbox.rejected()).toEqual([]);
    await jest.advanceTimersByTimeAsync(120_000);
    http.verify();
  });
});
