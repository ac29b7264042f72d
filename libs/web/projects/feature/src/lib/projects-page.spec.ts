import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { ProjectsPage } from './projects-page';

describe('ProjectsPage', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ProjectsPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ lang: 'zh-CN' }),
      ],
    });
  });

  it('lists the projects the API returns', async () => {
    const fixture = TestBed.createComponent(ProjectsPage);
    fixture.detectChanges();
    TestBed.inject(HttpTestingController)
      .expectOne((request) => request.url === '/api/projects')
      .flush({
        items: [
          {
            id: 'p1',
            code: 'HPXC-FXRD',
            name: '飞线入地改造',
            startDate: '2026-11-20',
            endDate: null,
            coordinatorName: '甄鸿波',
          },
        ],
        total: 1,
        page: 1,
        pageSize: 200,
      });
    await fixture.whenStable();
    const rows = (fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid=project-row]');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('飞线入地改造');
    expect(rows[0].textContent).toContain('甄鸿波');
    expect(rows[0].querySelector('[data-testid=open-gantt]')?.getAttribute('href')).toBe('/projects/p1/gantt');
  });

  it('shows the failure and a retry button when the API is down', async () => {
    const fixture = TestBed.createComponent(ProjectsPage);
    fixture.detectChanges();
    TestBed.inject(HttpTestingController)
      .expectOne((request) => request.url === '/api/projects')
      .flush(
        { statusCode: 503, code: 'internal_error', message: 'database down' },
        { status: 503, statusText: 'Unavailable' },
      );
    await fixture.whenStable();
    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role=alert]');
    expect(alert?.textContent).toContain('database down');
    expect(alert?.querySelector('button')).not.toBeNull();
  });
});
