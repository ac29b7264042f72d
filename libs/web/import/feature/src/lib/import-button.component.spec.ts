import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { mappingStorageKey } from '@worksite/import-domain';
import { ImportButtonComponent } from './import-button.component';

describe('ImportButtonComponent', () => {
  const url = '/api/projects/p1/import.xlsx';

  function setup() {
    TestBed.configureTestingModule({
      imports: [ImportButtonComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslateService()],
    });
    const fixture = TestBed.createComponent(ImportButtonComponent);
    fixture.componentRef.setInput('projectId', 'p1');
    fixture.detectChanges();
    return { fixture, http: TestBed.inject(HttpTestingController), el: fixture.nativeElement as HTMLElement };
  }

  const settle = async (fixture: { whenStable(): Promise<unknown>; detectChanges(): void }) => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    fixture.detectChanges();
  };

  afterEach(() => localStorage.clear());

  it('previews the sheet, remembers the mapping per project, reports problems, and imports only on confirm', async () => {
    localStorage.setItem(mappingStorageKey('p1'), JSON.stringify({ 序: 'code' }));
    const { fixture, http, el } = setup();
    const imported: unknown[] = [];
    fixture.componentInstance.imported.subscribe((outcome) => imported.push(outcome));
    (el.querySelector('[data-testid="import-open"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const input = el.querySelector('[data-testid="import-file"]') as HTMLInputElement;
    const file = new File(['x'], 'plan.xlsx');
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    const preview = http.expectOne((request) => request.url === url && request.params.get('preview') === 'true');
    preview.flush({
      sheetName: '计划',
      headers: ['序', '工作'],
      mapping: { 序: 'title', 工作: 'title' },
      rowCount: 2,
      rows: [{ 序: 'A1', 工作: '沟槽开挖' }],
    });
    await settle(fixture);
    expect(el.querySelectorAll('tbody td')[1].textContent).toContain('沟槽开挖');
    const selects = el.querySelectorAll('select');
    expect([selects[0].value, selects[1].value]).toEqual(['code', 'title']);

    (el.querySelector('[data-testid="import-check"]') as HTMLButtonElement).click();
    const dry = http.expectOne((request) => request.params.get('dryRun') === 'true');
    expect(JSON.parse((dry.request.body as FormData).get('mapping') as string)).toEqual({ 序: 'code', 工作: 'title' });
    dry.flush(
      {
        code: 'import_invalid',
        message: '2 个问题',
        report: [{ row: 2, field: 'crew', column: '队伍', message: '没有' }],
      },
      { status: 422, statusText: 'Unprocessable' },
    );
    await settle(fixture);
    expect(el.querySelector('.problems')?.textContent).toContain('没有');
    expect(JSON.parse(localStorage.getItem(mappingStorageKey('p1')) as string)).toEqual({ 序: 'code', 工作: 'title' });
    expect(imported).toEqual([]);

    (el.querySelector('.dialog footer button') as HTMLButtonElement).click();
    fixture.detectChanges();
    (el.querySelector('[data-testid="import-check"]') as HTMLButtonElement).click();
    const summary = {
      created: 2,
      updated: 0,
      unchanged: 0,
      missing: 0,
      deleted: 0,
      linksCreated: 1,
      linksUpdated: 0,
      linksDeleted: 0,
      moved: 0,
    };
    http
      .expectOne((request) => request.params.get('dryRun') === 'true')
      .flush({ dryRun: true, summary, missing: [], projectFinish: null, problems: [] });
    await settle(fixture);
    expect(el.querySelector('[data-testid="import-summary"]')).not.toBeNull();
    (el.querySelector('[data-testid="import-confirm"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="import-progress"]')).not.toBeNull();
    http
      .expectOne((request) => request.params.get('dryRun') === 'false')
      .flush({ dryRun: false, summary, missing: [], projectFinish: null, problems: [] });
    await settle(fixture);
    expect(el.querySelector('[data-testid="import-done"]')).not.toBeNull();
    expect(imported).toHaveLength(1);
    http.verify();
  });

  it("shows a large file's upload progress while it previews, and after a refusal takes another file", async () => {
    const { fixture, http, el } = setup();
    (el.querySelector('[data-testid="import-open"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const input = el.querySelector('[data-testid="import-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'big.xlsx')], configurable: true });
    input.dispatchEvent(new Event('change'));
    const preview = http.expectOne((request) => request.params.get('preview') === 'true');
    expect(preview.request.reportProgress).toBe(true);
    preview.event({ type: HttpEventType.UploadProgress, loaded: 40, total: 100 });
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="import-progress"]')?.getAttribute('value')).toBe('40');
    preview.event({ type: HttpEventType.UploadProgress, loaded: 100, total: 100 });
    fixture.detectChanges();
    // Sent: the server reads the sheet, a bar without a value.
    expect(el.querySelector('[data-testid="import-progress"]')?.hasAttribute('value')).toBe(false);
    preview.flush({
      sheetName: '任务',
      headers: ['编号', '任务名称'],
      mapping: { 编号: 'code', 任务名称: 'title' },
      rowCount: 1,
      rows: [],
    });
    await settle(fixture);
    expect(el.querySelector('[data-testid="import-progress"]')).toBeNull();

    (el.querySelector('[data-testid="import-check"]') as HTMLButtonElement).click();
    http
      .expectOne((request) => request.params.get('dryRun') === 'true')
      .flush(
        {
          code: 'import_invalid',
          message: '1 个问题',
          report: [{ row: 2, field: 'start', column: '开始', message: '日期无效' }],
        },
        { status: 422, statusText: 'Unprocessable' },
      );
    await settle(fixture);
    (el.querySelector('[data-testid="import-choose-again"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="import-file"]')).not.toBeNull();
    http.verify();
  });
});
