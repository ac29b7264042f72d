import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CrewOutbox } from './crew-outbox';

describe('CrewOutbox', () => {
  afterEach(() => {
    jest.useRealTimers();
    localStorage.clear();
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
