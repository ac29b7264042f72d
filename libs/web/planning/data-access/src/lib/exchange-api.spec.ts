import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ExchangeApi } from './exchange-api';

describe('ExchangeApi', () => {
  let api: ExchangeApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ExchangeApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it("reads, makes and revokes a crew's feed and one's own", async () => {
    const crew = api.crewFeed('c1');
    const status = crew.status();
    http.expectOne({ method: 'GET', url: '/api/crews/c1/feed' }).flush({ active: false });
    expect(await status).toEqual({ active: false });
    const created = crew.create();
    http.expectOne({ method: 'POST', url: '/api/crews/c1/feed' }).flush({ url: 'https://x/api/feeds/s.ics' });
    expect((await created).url).toBe('https://x/api/feeds/s.ics');
    const revoked = api.myFeed().revoke();
    http.expectOne({ method: 'DELETE', url: '/api/feeds/mine' }).flush(null, { status: 204, statusText: 'No Content' });
    await revoked;
  });

  it('downloads a file with the session and saves it under its name', async () => {
    const createObjectURL = jest.fn(() => 'blob:sheet');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('HP-2026-12-04.xlsx');
      expect(this.href).toBe('blob:sheet');
    });
    const done = api.download('projects/p1/day-plan/2026-12-04/export.xlsx', 'HP-2026-12-04.xlsx');
    const request = http.expectOne('/api/projects/p1/day-plan/2026-12-04/export.xlsx');
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['x']));
    await done;
    expect(click).toHaveBeenCalledTimes(1);
  });
});
