import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { DepartmentKind, ProjectDto, TaskDto, WorkStepDto } from '@worksite/shared-domain';
import { ReferenceMaps } from '@worksite/web-planning-data-access';
import { CreateTaskEvent, TaskCreateDialogComponent } from './task-create-dialog.component';

const refs = {
  departments: new Map([
    [
      'power',
      {
        id: 'power',
        kind: DepartmentKind.Power,
        name: '供电公司',
        color: '#f08c00',
        contactName: null,
        contactPhone: null,
      },
    ],
    [
      'appearance',
      {
        id: 'appearance',
        kind: DepartmentKind.CityAppearance,
        name: '市容局',
        color: '#2f9e44',
        contactName: null,
        contactPhone: null,
      },
    ],
  ]),
  crews: new Map([
    [
      'c1',
      { id: 'c1', name: '电缆一班', contractorId: 'k', departmentId: 'power', leaderName: '王建国', leaderPhone: null },
    ],
  ]),
  locations: new Map([['l32', { id: 'l32', kind: 'building', name: '32号楼', parentId: null }]]),
} as unknown as ReferenceMaps;

const project = { id: 'p1', startDate: '2026-11-27', timeZone: 'Asia/Shanghai' } as ProjectDto;
const anchor = {
  id: 'a',
  title: '32号楼动力电缆入地',
  departmentId: 'power',
  crewId: 'c1',
  locationId: 'l32',
  plannedFinish: '2026-12-02T04:00:00.000Z',
} as TaskDto;
const step: WorkStepDto = {
  id: 's1',
  version: 1,
  name: '拆除架空飞线',
  departmentKind: DepartmentKind.CityAppearance,
  departmentId: 'appearance',
  durationMinutes: 480,
  content: '拆除废弃架空线',
  materials: [],
  tools: ['高空作业车'],
  safetyNotes: '设警戒',
};

describe('TaskCreateDialogComponent', () => {
  function open(withAnchor: TaskDto | null) {
    TestBed.configureTestingModule({ providers: [provideTranslateService()] });
    const fixture = TestBed.createComponent(TaskCreateDialogComponent);
    fixture.componentRef.setInput('project', project);
    fixture.componentRef.setInput('refs', refs);
    fixture.componentRef.setInput('anchor', withAnchor);
    fixture.componentRef.setInput('steps', [step]);
    fixture.detectChanges();
    const created: CreateTaskEvent[] = [];
    fixture.componentInstance.create.subscribe((event) => created.push(event));
    const el = fixture.nativeElement as HTMLElement;
    const choose = (testId: string, value: string) => {
      const select = el.querySelector<HTMLSelectElement>(`[data-testid=${testId}]`) as HTMLSelectElement;
      select.value = value;
      select.dispatchEvent(new Event('change'));
      fixture.detectChanges();
    };
    const submit = () => {
      el.querySelector('form')?.dispatchEvent(new Event('submit'));
      fixture.detectChanges();
    };
    return { el, created, choose, submit };
  }

  it("fills a task from the work step, after the selected task, in the step's department, linked FS", () => {
    const { el, created, choose, submit } = open(anchor);
    expect(el.querySelector<HTMLInputElement>('[data-testid=dialog-location]')?.value).toBe('l32');
    choose('work-step', 's1');
    expect(el.querySelector<HTMLInputElement>('[data-testid=dialog-title]')?.value).toBe('拆除架空飞线');
    submit();
    expect(created).toEqual([
      {
        linkAfter: 'a',
        request: {
          projectId: 'p1',
          title: '拆除架空飞线',
          durationMinutes: 480,
          plannedStart: anchor.plannedFinish,
          departmentId: 'appearance',
          // The anchor's crew is of another department: not kept.
          crewId: null,
          locationId: 'l32',
          content: '拆除废弃架空线',
          materials: [],
          tools: ['高空作业车'],
          safetyNotes: '设警戒',
        },
      },
    ]);
  });

  it('without a selected task: at the project start, and nothing is sent before a title and a department', () => {
    const { created, choose, submit } = open(null);
    submit();
    expect(created).toEqual([]);
    choose('work-step', 's1');
    submit();
    expect(created.map((event) => [event.linkAfter, event.request.plannedStart])).toEqual([
      [null, '2026-11-26T16:00:00.000Z'],
    ]);
  });
});
