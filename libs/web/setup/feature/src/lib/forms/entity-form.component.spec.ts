import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { ApiClient } from '@worksite/web-core-data-access';
import { ResourceStore, Versioned } from '../data/resource-store';
import { EntityFormComponent } from './entity-form.component';
import { FieldDef } from './form-model';

interface Crew extends Versioned {
  name: string;
  leaderName: string;
}

const FIELDS: FieldDef[] = [
  { key: 'name', label: 'name', kind: 'text', required: true, max: 100 },
  { key: 'leaderName', label: 'leader', kind: 'text', required: true, max: 100 },
];

async function setup(record: Crew | null) {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslateService({ lang: 'zh-CN' })],
  });
  const fixture = TestBed.createComponent(EntityFormComponent<Crew>);
  const store = new ResourceStore<Crew>(TestBed.inject(ApiClient), 'crews');
  fixture.componentRef.setInput('fields', FIELDS);
  fixture.componentRef.setInput('store', store);
  fixture.componentRef.setInput('record', record);
  fixture.componentRef.setInput('noun', 'crew');
  fixture.detectChanges();
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const type = (id: string, value: string) => {
    const input = element.querySelector<HTMLInputElement>(`#entity-form-${id}`);
    if (!input) throw new Error(`no input ${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('[data-testid=save]')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, element, type, submit, settle, http: TestBed.inject(HttpTestingController) };
}

describe('EntityFormComponent', () => {
  it('checks the fields before sending anything', async () => {
    const { element, type, submit, http } = await setup(null);
    type('name', '电缆一班');
    await submit();
    http.expectNone('/api/crews');
    expect(element.querySelector('#entity-form-leaderName-errors')?.textContent).toContain('setup.errors.required');
    expect(element.querySelector('#entity-form-leaderName')?.getAttribute('aria-invalid')).toBe('true');
  });

  it("shows the API's 400 problems at their fields, in the server's words", async () => {
    const { element, type, submit, settle, http } = await setup(null);
    type('name', '电缆一班');
    type('leaderName', '王建国');
    await submit();
    const request = http.expectOne('/api/crews');
    expect(request.request.body).toEqual({ name: '电缆一班', leaderName: '王建国' });
    request.flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: '输入有误',
        problems: [{ field: 'name', messages: ['名称已被使用'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(element.querySelector('#entity-form-name-errors')?.textContent).toContain('名称已被使用');
    expect(element.querySelector('[data-testid=form-message]')?.textContent).toContain('输入有误');
  });

  it('keeps what was typed on a 409 and shows the stored version beside it', async () => {
    const { element, type, submit, settle, http } = await setup({
      id: 'c1',
      version: 3,
      name: '电缆一班',
      leaderName: '王建国',
    });
    type('leaderName', '李强');
    await submit();
    const stale = http.expectOne('/api/crews/c1');
    expect(stale.request.body).toEqual({ leaderName: '李强', version: 3 });
    stale.flush(
      { statusCode: 409, code: 'version_conflict', message: '班组已被他人修改' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(element.querySelector('[data-testid=form-message]')?.textContent).toContain('setup.staleVersion');
    expect(element.querySelector<HTMLInputElement>('#entity-form-leaderName')?.value).toBe('李强');

    element.querySelector<HTMLButtonElement>('[data-testid=load-stored]')?.click();
    http.expectOne('/api/crews/c1').flush({ id: 'c1', version: 4, name: '电缆一班（北）', leaderName: '赵六' });
    await settle();
    expect(element.querySelector<HTMLInputElement>('#entity-form-leaderName')?.value).toBe('李强');
    expect(element.querySelector('[data-testid=stored-value]')?.textContent).toContain('赵六');
    // The name the user did not touch takes the stored value: saving again does not undo it.
    expect(element.querySelector<HTMLInputElement>('#entity-form-name')?.value).toBe('电缆一班（北）');

    await submit();
    const retry = http.expectOne('/api/crews/c1');
    expect(retry.request.body).toEqual({ leaderName: '李强', version: 4 });
  });
});
