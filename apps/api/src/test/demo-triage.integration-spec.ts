import { seedDemo } from '@worksite/demo-data';
import { ConflictDto, countsAsOpen } from '@worksite/shared-domain';
import { createTestApp, TestApp } from '../testing/test-app';

/**
 * The demo opens on a triaged list: the seed's decisions are made on the clashes the api
 * finds (same keys, same task fingerprints), so none of them shows as reopened.
 */
describe('the demo seed, triaged, as the api sees it', () => {
  let t: TestApp;
  let items: ConflictDto[];
  let seeded: number;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.dataSource, { ifEmpty: false, timeZone: 'Asia/Shanghai' });
    const [project] = await t.dataSource.query(
      `SELECT id, to_char(start_date, 'YYYY-MM-DD') AS start, to_char(end_date, 'YYYY-MM-DD') AS end
         FROM projects WHERE code = 'HPXC-FXRD'`,
    );
    items = (
      await t.http.get(`/api/projects/${project.id}/conflicts?from=${project.start}&to=${project.end}`).expect(200)
    ).body.items;
    [{ seeded }] = await t.dataSource.query(
      'SELECT count(*)::int AS seeded FROM conflict_decisions WHERE project_id = $1',
      [project.id],
    );
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('attaches every seeded decision to a clash of the plan, none reopened', async () => {
    const decided = items.filter((item) => item.decision);
    expect(seeded).toBeGreaterThan(60);
    expect(decided).toHaveLength(seeded);
    expect(decided.filter((item) => item.decision?.action === 'reopen')).toEqual([]);
    const [{ reopenings }] = await t.dataSource.query(
      "SELECT count(*)::int AS reopenings FROM conflict_decisions WHERE action = 'reopen'",
    );
    expect(reopenings).toBe(0);
  });

  it('leaves a short list to act on: the clashes beyond the next two weeks and the escalations', async () => {
    const open = items.filter((item) => countsAsOpen(item.state));
    expect(open.length).toBeLessThan(items.length / 3);
    expect(items.filter((item) => item.state === 'escalated').length).toBeGreaterThanOrEqual(2);
    expect(items.filter((item) => item.state === 'accepted').length).toBeGreaterThan(60);
  });
});
