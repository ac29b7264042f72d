import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { ApiClient } from '@worksite/web-core-data-access';
import { ResourceStore, Versioned } from '../data/resource-store';
import { ResourceListComponent } from './resource-list.component';
import { ResourceConfig } from './resource-config';

interface Department extends Versioned {
  name: string;
}

const CONFIG: ResourceConfig<Department> = {
  noun: 'department',
  testId: 'department',
  title: (item) => item.name,
  searchable: true,
  fields: [{ key: 'name', label: 'name', kind: 'text', required: true, max: 100 }],
  columns: [{ label: 'name', value: (item) => item.name }],
};

async function setup() {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslateService({ lang: 'zh-CN' })],
  });
  const fixture = TestBed.createComponent(ResourceListComponent<Department>);
  fixture.componentRef.setInput('config', CONFIG);
  fixture.componentRef.setInput('store', new ResourceStore<Department>(TestBed.inject(ApiClient), 'departments'));
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, http, settle, element: fixture.nativeElement as HTMLElement };
}

const page = (items: Department[], total = items.length, page = 1) => ({ items, total, page, pageSize: 20 });

describe('ResourceListComponent', () => {
  it('lists a page and moves to the next one', async () => {
    const { http, settle, element } = await setup();
    const first = http.expectOne((request) => request.url === '/api/departments');
    expect(first.request.params.get('page')).toBe('1');
    expect(first.request.params.get('pageSize')).toBe('20');
    first.flush(page([{ id: 'd1', version: 1, name: '供电所' }], 45));
    await settle();
    expect(element.querySelectorAll('[data-testid=department-row]')).toHaveLength(1);
    expect(element.textContent).toContain('setup.pageOf');
    const next = [...element.querySelectorAll('nav button')].at(-1) as HTMLButtonElement;
    next.click();
    const second = http.expectOne((request) => request.url === '/api/departments');
    expect(second.request.params.get('page')).toBe('2');
  });

  it('asks before deleting and says in words why the API refused', async () => {
    const { http, settle, element } = await setup();
    http
      .expectOne((request) => request.url === '/api/departments')
      .flush(page([{ id: 'd1', version: 1, name: '供电所' }]));
    await settle();
    element.querySelector<HTMLButtonElement>('[data-testid=delete]')?.click();
    await settle();
    http.expectNone('/api/departments/d1');
    expect(element.querySelector('[role=alertdialog]')?.textContent).toContain('setup.confirmDelete');
    element.querySelector<HTMLButtonElement>('[data-testid=confirm-delete]')?.click();
    const remove = http.expectOne('/api/departments/d1');
    expect(remove.request.method).toBe('DELETE');
    remove.flush(
      { statusCode: 409, code: 'still_referenced', message: '单位仍被施工单位使用，不能删除' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(element.querySelector('[data-testid=delete-refused]')?.textContent).toContain('单位仍被施工单位使用');
    expect(element.querySelectorAll('[data-testid=department-row]')).toHaveLength(1);
  });

  it('searches with the API and shows a record just created first', async () => {
    const { fixture, http, settle, element } = await setup();
    http
      .expectOne((request) => request.url === '/api/departments')
      .flush(page([{ id: 'd1', version: 1, name: '供电所' }], 30));
    await settle();
    element.querySelector<HTMLButtonElement>('[data-testid=new-department]')?.click();
    await settle();
    const name = element.querySelector<HTMLInputElement>('#department-form-name') as HTMLInputElement;
    name.value = '燃气公司';
    name.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid=save]')?.click();
    http.expectOne({ method: 'POST', url: '/api/departments' }).flush({ id: 'd9', version: 1, name: '燃气公司' });
    await settle();
    // The reload shows page 1, where the new one is not: it stays on top all the same.
    http
      .expectOne((request) => request.url === '/api/departments')
      .flush(page([{ id: 'd1', version: 1, name: '供电所' }], 31));
    await settle();
    const rows = [...element.querySelectorAll('[data-testid=department-row]')].map((row) => row.textContent?.trim());
    expect(rows[0]).toContain('燃气公司');
    expect(rows).toHaveLength(2);

    const search = element.querySelector<HTMLInputElement>('[data-testid=department-search]') as HTMLInputElement;
    search.value = '燃气';
    search.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const found = http.expectOne((request) => request.url === '/api/departments');
    expect(found.request.params.get('q')).toBe('燃气');
    fixture.destroy();
  });
});
