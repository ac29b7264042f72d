import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { ConflictDecisionDto, ConflictDto } from '@worksite/shared-domain';
import { ConflictListComponent } from './conflict-list.component';
import { ConflictDecisionEvent, NO_TRIAGE } from './conflict-triage.types';

describe('ConflictListComponent', () => {
  const conflict: ConflictDto = {
    key: 'k',
    kind: 'location-clash',
    taskIds: ['a', 'b'],
    taskTitles: ['电力入地', '燃气交底'],
    start: '2026-03-02T00:00:00Z',
    finish: '2026-03-02T02:00:00Z',
    locationName: '50号楼',
    taskVersions: [3, 1],
    state: 'open',
    decision: null,
  };
  const decision = (action: ConflictDecisionDto['action'], extra: Partial<ConflictDecisionDto> = {}) =>
    ({
      id: `d-${action}`,
      key: 'k2',
      kind: 'location-clash',
      action,
      reason: '两家运营商在同一小区不同楼栋施工，可并行',
      assigneeUserId: null,
      assigneeDepartmentId: null,
      assigneeName: null,
      auditEntryId: null,
      changeSetId: null,
      edit: null,
      taskIds: ['c', 'd'],
      changedTaskIds: [],
      reopensId: null,
      decidedById: 'u1',
      decidedByName: '甄鸿波',
      decidedAt: '2026-03-01T08:00:00Z',
      ...extra,
    }) satisfies ConflictDecisionDto;
  const accepted: ConflictDto = {
    ...conflict,
    key: 'k2',
    taskIds: ['c', 'd'],
    state: 'accepted',
    decision: decision('accept'),
  };

  async function render(inputs: Record<string, unknown>) {
    TestBed.configureTestingModule({ providers: [provideTranslateService({ lang: 'zh-CN' })] });
    const fixture = TestBed.createComponent(ConflictListComponent);
    fixture.componentRef.setInput('zone', 'Asia/Shanghai');
    for (const [key, value] of Object.entries(inputs)) fixture.componentRef.setInput(key, value);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('lists each clash with its kind, time in the project zone, tasks and place, and reports the one picked', async () => {
    const { fixture, el } = await render({ conflicts: [conflict] });
    const item = el.querySelector('[data-testid=conflict]');
    expect(item?.textContent).toContain('conflicts.kind.location-clash');
    expect(item?.textContent).toContain('08:00');
    expect(item?.textContent).toContain('电力入地、燃气交底');
    expect(item?.textContent).toContain('50号楼');
    const picked: ConflictDto[] = [];
    fixture.componentInstance.pick.subscribe((c) => picked.push(c));
    item?.querySelector('button')?.click();
    expect(picked).toEqual([conflict]);
  });

  it('says when there is none, and when they could not be loaded', async () => {
    expect((await render({ conflicts: [] })).el.textContent).toContain('conflicts.none');
    TestBed.resetTestingModule();
    const { el } = await render({ conflicts: [], failure: 'down' });
    expect(el.querySelector('[role=alert]')?.textContent).toContain('down');
  });

  it('shows each state, keeps accepted clashes listed but greyed, and filters open from settled', async () => {
    const reopened: ConflictDto = {
      ...conflict,
      key: 'k3',
      decision: decision('reopen', { decidedById: null, decidedByName: 'system', changedTaskIds: ['a'], reason: null }),
    };
    const { fixture, el } = await render({ conflicts: [conflict, accepted, reopened] });
    const items = () => [...el.querySelectorAll<HTMLElement>('[data-testid=conflict]')];
    expect(items().map((li) => li.dataset['state'])).toEqual(['open', 'accepted', 'reopened']);
    expect(items()[1].classList.contains('settled')).toBe(true);
    expect(items()[1].textContent).toContain('两家运营商在同一小区不同楼栋施工，可并行');
    expect(items()[1].textContent).toContain('甄鸿波');
    // The automatic reopening names the task that changed.
    expect(items()[2].textContent).toContain('conflicts.system');
    expect(items()[2].textContent).toContain('电力入地');

    const filter = el.querySelector<HTMLSelectElement>('[data-testid=conflict-filter]') as HTMLSelectElement;
    filter.value = 'open';
    filter.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(items().map((li) => li.dataset['key'])).toEqual(['k', 'k3']);
    filter.value = 'settled';
    filter.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(items().map((li) => li.dataset['key'])).toEqual(['k2']);
  });

  it('offers no decisions to someone who may not decide', async () => {
    const { el } = await render({ conflicts: [conflict] });
    expect(el.querySelector('[data-testid=conflict-accept]')).toBeNull();
  });

  it('accepts with a suggested reason, and closes the form once the decision is in', async () => {
    const { fixture, el } = await render({ conflicts: [conflict], view: { ...NO_TRIAGE, canDecide: true } });
    const decided: ConflictDecisionEvent[] = [];
    const opened: string[] = [];
    fixture.componentInstance.decide.subscribe((event) => decided.push(event));
    fixture.componentInstance.formOpen.subscribe((event) => opened.push(event.action));
    el.querySelector<HTMLButtonElement>('[data-testid=conflict-accept]')?.click();
    await fixture.whenStable();
    expect(opened).toEqual(['accept']);
    const confirm = el.querySelector<HTMLButtonElement>('[data-testid=conflict-confirm]') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    el.querySelector<HTMLButtonElement>('.chip')?.click();
    await fixture.whenStable();
    expect(confirm.disabled).toBe(false);
    confirm.click();
    expect(decided).toEqual([{ conflict, action: 'accept', reason: 'conflicts.reasons.separateBuildings' }]);

    fixture.componentRef.setInput('conflicts', [{ ...conflict, state: 'accepted', decision: decision('accept') }]);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=conflict-confirm]')).toBeNull();
    expect(el.querySelector('[data-testid=conflict-reopen]')).not.toBeNull();
  });

  it('escalates only once someone is chosen, to a department or a person', async () => {
    const view = {
      ...NO_TRIAGE,
      canDecide: true,
      assignees: {
        users: [{ id: 'u9', name: '刘振东', role: 'agency', departmentName: '国网沈阳供电公司' }],
        departments: [{ id: 'water', name: '沈阳水务集团', kind: 'water' }],
      },
    };
    const { fixture, el } = await render({ conflicts: [conflict], view });
    const decided: ConflictDecisionEvent[] = [];
    fixture.componentInstance.decide.subscribe((event) => decided.push(event));
    el.querySelector<HTMLButtonElement>('[data-testid=conflict-escalate]')?.click();
    await fixture.whenStable();
    const reason = el.querySelector<HTMLInputElement>('[data-testid=conflict-reason]') as HTMLInputElement;
    reason.value = '请水务集团确认停水窗口';
    reason.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    const confirm = el.querySelector<HTMLButtonElement>('[data-testid=conflict-confirm]') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    const assignee = el.querySelector<HTMLSelectElement>('[data-testid=conflict-assignee]') as HTMLSelectElement;
    assignee.value = 'department:water';
    assignee.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    confirm.click();
    expect(decided).toEqual([
      { conflict, action: 'escalate', reason: '请水务集团确认停水窗口', assigneeDepartmentId: 'water' },
    ]);
  });

  it('asks for the history when it is opened, and shows it', async () => {
    const { fixture, el } = await render({ conflicts: [accepted] });
    const asked: string[] = [];
    fixture.componentInstance.historyRequest.subscribe((c) => asked.push(c.key));
    el.querySelector<HTMLButtonElement>('[data-testid=conflict-history-toggle]')?.click();
    await fixture.whenStable();
    expect(asked).toEqual(['k2']);
    fixture.componentRef.setInput('view', {
      ...NO_TRIAGE,
      histories: new Map([['k2', [decision('escalate', { assigneeName: '沈阳水务集团' }), decision('accept')]]]),
    });
    await fixture.whenStable();
    const history = el.querySelector('[data-testid=conflict-history]');
    expect(history?.querySelectorAll('li')).toHaveLength(2);
    expect(history?.textContent).toContain('conflicts.did.escalate');
    expect(history?.textContent).toContain('沈阳水务集团');
    el.querySelector<HTMLButtonElement>('[data-testid=conflict-history-toggle]')?.click();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=conflict-history]')).toBeNull();
  });
});
