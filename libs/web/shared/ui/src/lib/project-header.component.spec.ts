import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { ProjectHeaderComponent } from './project-header.component';

@Component({
  imports: [ProjectHeaderComponent],
  template: `
    <ws-project-header projectId="p1" current="gantt">
      <button type="button">go</button>
    </ws-project-header>
  `,
})
class HostComponent {}

describe('ProjectHeaderComponent', () => {
  const project = { code: 'HPXC-FXRD', name: '和平新村' };

  function render(inputs: Record<string, unknown>) {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideTranslateService({ lang: 'zh-CN' })] });
    const fixture = TestBed.createComponent(ProjectHeaderComponent);
    const set = (values: Record<string, unknown>) => {
      for (const [name, value] of Object.entries(values)) fixture.componentRef.setInput(name, value);
      fixture.detectChanges();
    };
    set({ projectId: 'p1', current: 'gantt', ...inputs });
    const element = fixture.nativeElement as HTMLElement;
    const title = () => element.querySelector('header.bar h1')?.textContent?.replace(/\s+/g, ' ').trim();
    const links = () => [...element.querySelectorAll('nav a')].map((a) => a.getAttribute('data-testid'));
    return { element, set, title, links };
  }

  it('shows the code and the name, and the other views as links', () => {
    const { element, title, links } = render({ project, fallbackTitle: 'gantt.title' });
    expect(title()).toBe('HPXC-FXRD 和平新村');
    expect(element.querySelector('h1 .code')?.textContent).toBe('HPXC-FXRD');
    expect(element.querySelector('[aria-current=page]')?.textContent).toBe('gantt.title');
    expect(links()).toEqual(['view-day-plan', 'view-look-ahead', 'view-weekly-plan', 'view-ppc', 'view-announcements']);
  });

  it('shows the fallback title while there is no project, and nothing without one', () => {
    const { set, title } = render({ fallbackTitle: 'announcements.title' });
    expect(title()).toBe('announcements.title');
    set({ fallbackTitle: null });
    expect(title()).toBe('');
  });

  it('puts a page title after the name, and alone without a project', () => {
    const { set, title } = render({ project, pageTitle: 'weeklyPlan.title', current: 'weekly-plan' });
    expect(title()).toBe('HPXC-FXRD 和平新村 · weeklyPlan.title');
    set({ project: null });
    expect(title()).toBe('weeklyPlan.title');
  });

  it('leaves out the planners’ views for a crew lead', () => {
    const { links } = render({ current: 'weekly-plan', planner: false });
    expect(links()).toEqual([]);
  });

  it('puts the page’s own controls in the bar, after the views', () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideTranslateService({ lang: 'zh-CN' })] });
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    const bar = (fixture.nativeElement as HTMLElement).querySelector('header.bar');
    expect([...(bar?.children ?? [])].map((child) => child.tagName.toLowerCase())).toEqual([
      'h1',
      'ws-project-views',
      'button',
    ]);
  });
});
