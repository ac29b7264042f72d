import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { swBypassInterceptor } from './sw-bypass.interceptor';

describe('swBypassInterceptor', () => {
  it('sends API calls past the service worker and leaves the app’s files to it', () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([swBypassInterceptor])), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);
    http.get('/api/tasks').subscribe();
    http.get('/i18n/zh-CN.json').subscribe();
    expect(backend.expectOne('/api/tasks').request.headers.get('ngsw-bypass')).toBe('true');
    expect(backend.expectOne('/i18n/zh-CN.json').request.headers.has('ngsw-bypass')).toBe(false);
  });
});
