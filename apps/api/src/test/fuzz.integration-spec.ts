import { databaseFingerprint } from '@worksite/server-testing';
import fc from 'fast-check';
import { AccessWorld, buildAccessWorld } from '../testing/access-world';
import { createTestApp, TestApp } from '../testing/test-app';

/**
 * Random JSON against every write endpoint: the API never answers 5xx, and whenever it
 * refuses (4xx) the database is exactly as before. Bodies mix the endpoint's real field
 * names (from the OpenAPI document) with random ones, so they reach deep validation.
 */
const RUNS_PER_ENDPOINT = 25;

describe('fuzz: random JSON to every write endpoint', () => {
  let t: TestApp;
  let w: AccessWorld;
  let docs: { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildAccessWorld(t);
    docs = (await t.anonymous.get('/api/docs-json').expect(200)).body;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const fingerprint = () => databaseFingerprint(t.dataSource);

  /** Field names of an endpoint's request body, from its OpenAPI schema. */
  const fieldsOf = (path: string, method: string): string[] => {
    const operation = docs.paths[path]?.[method] as {
      requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
    };
    const ref = operation?.requestBody?.content['application/json']?.schema.$ref;
    const schema = ref
      ? (docs.components.schemas[ref.split('/').pop() as string] as { properties?: object })
      : undefined;
    return Object.keys(schema?.properties ?? {});
  };

  const writeEndpoints = (): { method: 'post' | 'patch'; path: string; docPath: string }[] => {
    const endpoints: { method: 'post' | 'patch'; path: string; docPath: string }[] = [];
    const sample: Record<string, string> = {
      departments: w.ids.departmentOwn,
      contractors: w.ids.contractorOwn,
      crews: w.ids.crewOwn,
      'crew-channels': w.ids.channelOwn,
      locations: w.ids.locationOwn,
      calendars: w.ids.calendar,
      projects: w.ids.projectOwn,
      tasks: w.ids.taskOwn,
      dependencies: w.ids.linkOwn,
      users: w.users.viewer.userId,
    };
    for (const [docPath, methods] of Object.entries(docs.paths)) {
      if (!docPath.startsWith('/api/') || docPath.startsWith('/api/auth')) continue;
      const resource = docPath.split('/')[2];
      if ('post' in methods && !docPath.includes('{')) endpoints.push({ method: 'post', path: docPath, docPath });
      if ('patch' in methods && sample[resource]) {
        endpoints.push({ method: 'patch', path: docPath.replace('{id}', sample[resource]), docPath });
      }
    }
    return endpoints;
  };

  it('covers the write endpoints of every resource', () => {
    const resources = new Set(writeEndpoints().map((endpoint) => endpoint.docPath.split('/')[2]));
    for (const resource of ['departments', 'crews', 'locations', 'projects', 'tasks', 'dependencies', 'users']) {
      expect(resources).toContain(resource);
    }
  });

  it('never answers 5xx and never writes on a refusal', async () => {
    for (const { method, path, docPath } of writeEndpoints()) {
      const fields = fieldsOf(docPath, method);
      const value = fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom(w.ids.taskOwn, w.ids.projectOther, '2026-12-01T08:00:00+08:00', '2026-02-30', -1, 1e308, ''),
      );
      const knownFields = fields.length
        ? fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: fields.length })
        : fc.constant({});
      const body = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc
          .tuple(knownFields, fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 2 }))
          .map(([a, b]) => ({ ...b, ...a })),
        knownFields,
      );
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const before = await fingerprint();
          const response = await t.http[method](path)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(payload));
          if (response.status >= 500) {
            throw new Error(
              `${method.toUpperCase()} ${path} answered ${response.status} to ${JSON.stringify(payload)}`,
            );
          }
          if (response.status >= 400) {
            expect(typeof response.body.message).toBe('string');
            expect(await fingerprint()).toBe(before);
          }
        }),
        { numRuns: RUNS_PER_ENDPOINT, seed: Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31) },
      );
    }
  }, 300_000);
});
