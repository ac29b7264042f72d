import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiFailure } from './api-client';
import { FileDownloads } from './file-download';

describe('FileDownloads', () => {
  let http: HttpTestingController;
  let downloads: FileDownloads;
  const clicked: { href: string; download: string }[] = [];

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    downloads = TestBed.inject(FileDownloads);
    clicked.length = 0;
    URL.createObjectURL = jest.fn(() => 'blob:pdf');
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  it('POSTs the body, and saves the answer under the name the server gives', async () => {
    const saved = downloads.save('projects/p/gantt.pdf', { body: { paper: 'A3' }, fallbackName: 'x.pdf' });
    const request = http.expectOne('/api/projects/p/gantt.pdf');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ paper: 'A3' });
    request.flush(new Blob(['%PDF-1.3']), {
      headers: { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('和平-甘特.pdf')}` },
    });
    expect(await saved).toBe('和平-甘特.pdf');
    expect(clicked).toEqual([{ href: 'blob:pdf', download: '和平-甘特.pdf' }]);
  });

  it("GETs without a body, and turns the API's error (a Blob) into an ApiFailure", async () => {
    const saved = downloads.save('projects/p/day-plan.pdf?date=2026-11-02', { fallbackName: 'd.pdf' });
    const request = http.expectOne('/api/projects/p/day-plan.pdf?date=2026-11-02');
    expect(request.request.method).toBe('GET');
    request.flush(new Blob([JSON.stringify({ code: 'not_found', message: '项目不存在' })]), {
      status: 404,
      statusText: 'Not Found',
    });
    await expect(saved).rejects.toEqual(new ApiFailure(404, 'not_found', '项目不存在'));
    await expect(saved).rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect(clicked).toEqual([]);
  });
});
