import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { Language, Role } from '@worksite/shared-domain';
import { ApiClient } from '@worksite/web-core-data-access';
import { ResourceStore } from '../data/resource-store';
import { UserRow } from '../data/setup.types';
import { passwordField } from '../forms/password-field';
import { UserAccountComponent } from './user-account.component';

const ADMIN: UserRow = {
  id: 'u1',
  version: 2,
  username: 'admin',
  displayName: '系统管理员',
  role: Role.Admin,
  language: Language.ZhCN,
  active: true,
  departmentId: null,
  email: null,
  phone: null,
};

async function setup() {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslateService({ lang: 'zh-CN' })],
  });
  const fixture = TestBed.createComponent(UserAccountComponent);
  fixture.componentRef.setInput('user', ADMIN);
  fixture.componentRef.setInput('store', new ResourceStore<UserRow>(TestBed.inject(ApiClient), 'users'));
  fixture.componentRef.setInput(
    'passwordField',
    passwordField(
      () => 'zh-CN',
      () => 'admin',
    ),
  );
  fixture.detectChanges();
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { element: fixture.nativeElement as HTMLElement, http: TestBed.inject(HttpTestingController), settle };
}

describe('UserAccountComponent', () => {
  it("says in words that the last administrator stays (the API's 409)", async () => {
    const { element, http, settle } = await setup();
    element.querySelector<HTMLButtonElement>('[data-testid=toggle-active]')?.click();
    const request = http.expectOne('/api/users/u1');
    expect(request.request.body).toEqual({ active: false, version: 2 });
    request.flush(
      { statusCode: 409, code: 'last_admin', message: 'admin 是最后一个有效的管理员，不能停用' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(element.querySelector('[data-testid=account-refused]')?.textContent).toContain('最后一个有效的管理员');
  });

  it('shows the password rule before sending and refuses a common password in the browser', async () => {
    const { element, http, settle } = await setup();
    element.querySelector<HTMLButtonElement>('[data-testid=reset-password]')?.click();
    await settle();
    expect(element.querySelector('[data-testid=password-form] .ws-hint')?.textContent).toContain('不能是常见密码');
    const input = element.querySelector<HTMLInputElement>('#password-form-password') as HTMLInputElement;
    input.value = 'Password2026!';
    input.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid=password-form] [data-testid=save]')?.click();
    await settle();
    http.expectNone('/api/users/u1');
    expect(element.querySelector('#password-form-password-errors')?.textContent).toContain('常见密码');

    input.value = 'ganqu-shigong-2026';
    input.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid=password-form] [data-testid=save]')?.click();
    const request = http.expectOne('/api/users/u1');
    expect(request.request.body).toEqual({ password: 'ganqu-shigong-2026', version: 2 });
  });
});
