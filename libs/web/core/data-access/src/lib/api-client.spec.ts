import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { ApiClient, ApiFailure } from './api-client';

describe('ApiClient', () => {
  let client: ApiClient;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    client = TestBed.inject(ApiClient);
    http = TestBed.inject(HttpTestingController);
  });

  it('prefixes /api and drops empty parameters', async () => {
    const result = firstValueFrom(client.get<{ total: number }>('projects', { page: 2, q: '', crewId: undefined }));
    http.expectOne('/api/projects?page=2').flush({ total: 3 });
    expect(await result).toEqual({ total: 3 });
  });

  it("turns an error body into an ApiFailure with the server's code and message", async () => {
    const result = firstValueFrom(client.patch('tasks/1', { version: 1 }));
    http
      .expectOne('/api/tasks/1')
      .flush(
        { statusCode: 409, code: 'version_conflict', message: 'changed by someone else' },
        { status: 409, statusText: 'Conflict' },
      );
    await expect(result).rejects.toMatchObject({
      status: 409,
      code: 'version_conflict',
      message: 'changed by someone else',
    });
    await expect(result).rejects.toBeInstanceOf(ApiFailure);
  });

  it('fetches every page of a list', async () => {
    const result = firstValueFrom(client.getAll<number>('tasks', { projectId: 'p' }));
    http
      .expectOne('/api/tasks?projectId=p&page=1&pageSize=500')
      .flush({ items: [1, 2], total: 3, page: 1, pageSize: 2 });
    http.expectOne('/api/tasks?projectId=p&page=2&pageSize=500').flush({ items: [3], total: 3, page: 2, pageSize: 2 });
    expect(await result).toEqual([1, 2, 3]);
  });
});
