import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { ConflictDto } from '@worksite/shared-domain';
import { ConflictDecisionFormComponent } from './conflict-decision-form.component';
import { ConflictDecisionEvent, ConflictEditOption } from './conflict-triage.types';

describe('ConflictDecisionFormComponent', () => {
  const conflict: ConflictDto = {
    key: 'k',
    kind: 'location-clash',
    taskIds: ['a', 'b'],
    taskTitles: ['电力入地', '燃气交底'],
    start: '2026-03-02T00:00:00Z',
    finish: '2026-03-02T02:00:00Z',
    taskVersions: [3, 1],
    state: 'open',
    decision: null,
  };
  const edits: ConflictEditOption[] = [
    {
      id: 'cs2',
      changeSetId: 'cs2',
      at: '2026-03-01T03:00:00Z',
      actorName: '甄鸿波',
      taskTitle: '燃气交底',
      fields: [],
    },
    { id: 'e1', changeSetId: null, at: '2026-03-01T01:00:00Z', actorName: 'system', taskTitle: '电力入地', fields: [] },
  ];

  async function resolveWith(pick?: string): Promise<ConflictDecisionEvent[]> {
    TestBed.configureTestingModule({ providers: [provideTranslateService({ lang: 'zh-CN' })] });
    const fixture = TestBed.createComponent(ConflictDecisionFormComponent);
    for (const [key, value] of Object.entries({ conflict, action: 'resolve', zone: 'Asia/Shanghai', edits })) {
      fixture.componentRef.setInput(key, value);
    }
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const select = el.querySelector<HTMLSelectElement>('[data-testid=conflict-edit]');
    expect(select?.value).toBe('cs2');
    if (pick && select) {
      select.value = pick;
      select.dispatchEvent(new Event('change'));
      await fixture.whenStable();
    }
    const events: ConflictDecisionEvent[] = [];
    fixture.componentInstance.decided.subscribe((event) => events.push(event));
    el.querySelector<HTMLButtonElement>('[data-testid=conflict-confirm]')?.click();
    return events;
  }

  it('resolves by the latest user action by default, sent as its change set', async () => {
    expect(await resolveWith()).toEqual([{ conflict, action: 'resolve', changeSetId: 'cs2' }]);
  });

  it('sends the audit entry of an edit made outside any change set when that one is picked', async () => {
    expect(await resolveWith('e1')).toEqual([{ conflict, action: 'resolve', auditEntryId: 'e1' }]);
  });
});
