import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { ProjectHeaderComponent } from './project-header.component';
import { ProjectView } from './project-views.component';

@Component({
  imports: [ProjectHeaderComponent],
  template: `
    <ws-project-header
      projectId="p1"
      [project]="project()"
      [current]="current()"
      [fallbackTitle]="fallbackTitle()"
      [pageTitle]="pageTitle()"
      [planner]="planner()"
    >
      <button type="button" data-testid="page-control">go</button>
    </ws-project-header>
  `,
})
class HostComponent {
  readonly project = signal<{ code: string; name: string } | null>(null);
  readonly current = signal<ProjectView>('gantt');
  readonly fallbackTitle = signal<string | null>(null);
  readonly pageTitle = signal<string | null>(null);
  readonly planner = signal(true);
}

describe('ProjectHeaderComponent', () => {
  function render(set: (host: HostComponent) => void) {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideTranslateService({ lang: 'zh-CN' })] });
    const fixture = TestBed.createComponent(HostComponent);
    set(fixture.componentInstance);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const title = () => element.querySelector('header.bar h1')?.textContent?.replace(/\s+/g, ' ').trim();
    const links = () => [...element.querySelectorAll('nav a')].map((a) => a.getAttribute('data-testid'));
    return { fixture, element, title, links };
  }

  it('shows the code and the name, the other views as links and the page controls in the bar', () => {
    const { element, title, links } = render((host) => {
      host.project.set({ code: 'HPXC-FXRD', name: '和平新村' });
      host.fallbackTitle.set('gantt.title');
    });
    expect(title()).toBe('HPXC-FXRD 和平新村');
    expect(element.querySelector('h1 .code')?.textContent).toBe('HPXC-FXRD');
    expect(element.querySelector('[aria-current=page]')?.textContent).toBe('gantt.title');
    expect(links()).toEqual(['view-day-plan', 'view-look-ahead', 'view-weekly-plan', 'view-ppc', 'view-announcements']);
    expect(element.querySelector('header.bar > [data-testid=page-control]')).not.toBeNull();
  });

  it('shows the fallback title while there is no project, and nothing without one', () => {
    const { fixture, title } = render((host) => host.fallbackTitle.set('announcements.title'));
    expect(title()).toBe('announcements.title');
    fixture.componentInstance.fallbackTitle.set(null);
    fixture.detectChanges();
    expect(title()).toBe('');
  });

  it('puts a page title after the name, and alone without a project', () => {
    const { fixture, title } = render((host) => {
      host.project.set({ code: 'HPXC-FXRD', name: '和平新村' });
      host.pageTitle.set('weeklyPlan.title');
      host.current.set('weekly-plan');
    });
    expect(title()).toBe('HPXC-FXRD 和平新村 · weeklyPlan.title');
    fixture.componentInstance.project.set(null);
    fixture.detectChanges();
    expect(title()).toBe('weeklyPlan.title');
  });

  it('leaves out the planners’ views for a crew lead', () => {
    const { links } = render((host) => {
      host.current.set('weekly-plan');
      host.planner.set(false);
    });
    expect(links()).toEqual([]);
  });
});
