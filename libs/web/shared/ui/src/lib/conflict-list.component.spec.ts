import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { ConflictDto } from '@worksite/shared-domain';
import { ConflictListComponent } from './conflict-list.component';

describe('ConflictListComponent', () => {
  const conflict: ConflictDto = {
    key: 'k',
    kind: 'location-clash',
    taskIds: ['a', 'b'],
    taskTitles: ['电力入地', '燃气交底'],
    start: '2026-03-02T00:00:00Z',
    finish: '2026-03-02T02:00:00Z',
    locationName: '50号楼',
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
});
