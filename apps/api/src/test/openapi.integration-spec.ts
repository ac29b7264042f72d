import { createTestApp, TestApp } from '../testing/test-app';

interface Parameter {
  name: string;
  in: string;
  schema?: { type?: string; minimum?: number; maximum?: number; enum?: unknown[]; items?: { enum?: unknown[] } };
}
interface Operation {
  parameters?: Parameter[];
}
interface Schema {
  properties?: Record<string, { type?: string; minimum?: number; maximum?: number; description?: string }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** GET routes without a path parameter that return one thing rather than a page. */
const NOT_LISTS = new Set([
  '/api/health',
  '/api/auth/me',
  '/api/locations/import-template.xlsx',
  '/api/feeds/mine',
  // One roster per department, all at once (as few as the departments).
  '/api/on-call',
  // An agency's blocked tasks of the coming weeks, all at once (like a look-ahead).
  '/api/agency/blocks',
  // One crew's taps of one local day, all at once (a few per task).
  '/api/crew/reports',
  // Three configured times, not a list.
  '/api/notice-runs/schedule',
]);

/**
 * The OpenAPI document at /api/docs-json tells a client what the validation will accept:
 * every list route's query parameters with their limits, and the limits of lags, durations
 * and page sizes; and what setting a task's plannedStart does to its constraint.
 */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let docs: Document;

  beforeAll(async () => {
    t = await createTestApp();
    docs = (await t.anonymous.get('/api/docs-json').expect(200)).body;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const lists = () =>
    Object.entries(docs.paths)
      .filter(([path, operations]) => operations['get'] && !path.includes('{') && !NOT_LISTS.has(path))
      .map(([path, operations]) => ({ path, parameters: operations['get'].parameters ?? [] }));

  it('finds the list routes of every resource', () => {
    const paths = lists().map((list) => list.path);
    expect(paths.length).toBeGreaterThanOrEqual(17);
    expect(paths).toEqual(expect.arrayContaining(['/api/tasks', '/api/dependencies', '/api/users', '/api/deliveries']));
  });

  it('documents page and pageSize with their limits on every list route', () => {
    for (const { path, parameters } of lists()) {
      const query = Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.schema]));
      expect({ path, page: query['page'] }).toEqual({
        path,
        page: expect.objectContaining({ type: 'integer', minimum: 1 }),
      });
      expect({ path, pageSize: query['pageSize'] }).toEqual({
        path,
        pageSize: expect.objectContaining({ type: 'integer', minimum: 1, maximum: 500 }),
      });
    }
  });

  it("documents each list route's filters, enumerations with their values", () => {
    const query = (path: string) =>
      Object.fromEntries((lists().find((list) => list.path === path)?.parameters ?? []).map((p) => [p.name, p.schema]));
    expect(Object.keys(query('/api/tasks'))).toEqual(
      expect.arrayContaining(['projectId', 'departmentId', 'crewId', 'locationId', 'status', 'from', 'to']),
    );
    expect(query('/api/tasks')['status']?.items?.enum).toEqual(
      expect.arrayContaining(['planned', 'done', 'cancelled']),
    );
    expect(query('/api/users')['role']?.enum).toEqual(expect.arrayContaining(['admin', 'viewer']));
    expect(query('/api/deliveries')['status']?.items?.enum).toEqual(expect.arrayContaining(['failed', 'unknown']));
    expect(Object.keys(query('/api/dependencies'))).toEqual(
      expect.arrayContaining(['projectId', 'taskId', 'predecessorId', 'successorId']),
    );
  });

  it('documents the limits of lags and durations as the validation enforces them', () => {
    const year = 60 * 24 * 365;
    const property = (schema: string, name: string) => docs.components.schemas[schema]?.properties?.[name];
    expect(property('CreateDependencyDto', 'lagMinutes')).toMatchObject({
      type: 'integer',
      minimum: -year,
      maximum: year,
    });
    expect(property('UpdateDependencyDto', 'lagMinutes')).toMatchObject({ minimum: -year, maximum: year });
    expect(property('CreateTaskDto', 'durationMinutes')).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 60 * 24 * 366,
    });
    expect(property('UpdateTaskDto', 'durationMinutes')).toMatchObject({ maximum: 60 * 24 * 366 });
    const chain = docs.paths['/api/tasks/{id}/chain']['get'].parameters ?? [];
    expect(chain.find((p) => p.name === 'maxDepth')?.schema).toMatchObject({ minimum: 1, maximum: 1000 });
  });

  it("says that a task's plannedStart sets a start-no-earlier-than constraint", () => {
    for (const schema of ['CreateTaskDto', 'UpdateTaskDto']) {
      expect(docs.components.schemas[schema]?.properties?.['plannedStart']?.description).toMatch(
        /automatic task.*start-no-earlier-than constraint/s,
      );
    }
  });
});
