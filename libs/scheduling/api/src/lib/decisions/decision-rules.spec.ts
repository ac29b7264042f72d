import { decisionProblems, staleTasks } from './decision-rules';

describe('decision rules', () => {
  const versions = { a: 1, b: 2 };

  it('wants a reason to accept, and a note and exactly one assignee to escalate', () => {
    const fields = (input: Parameters<typeof decisionProblems>[0]) =>
      decisionProblems(input, ['a', 'b'], ['甲', '乙']).map((p) => p.field);
    expect(fields({ action: 'accept', reason: '可并行', taskVersions: versions })).toEqual([]);
    expect(fields({ action: 'accept', reason: ' \n', taskVersions: versions })).toEqual(['reason']);
    expect(fields({ action: 'escalate', reason: '请确认', assigneeUserId: 'u', taskVersions: versions })).toEqual([]);
    expect(fields({ action: 'escalate', reason: '请确认', taskVersions: versions })).toEqual(['assigneeUserId']);
    expect(
      fields({ action: 'escalate', assigneeUserId: 'u', assigneeDepartmentId: 'd', taskVersions: versions }),
    ).toEqual(['assigneeUserId', 'reason']);
    expect(fields({ action: 'resolve', taskVersions: versions })).toEqual([]);
    expect(fields({ action: 'reopen', taskVersions: versions })).toEqual([]);
  });

  it("wants the versions of exactly the clash's tasks", () => {
    const problems = decisionProblems({ action: 'reopen', taskVersions: { a: 1 } }, ['a', 'b'], ['甲', '乙']);
    expect(problems).toEqual([
      {
        field: 'taskVersions',
        messages: [expect.objectContaining({ params: expect.objectContaining({ tasks: '甲、乙' }) })],
      },
    ]);
    expect(decisionProblems({ action: 'reopen', taskVersions: { a: 1, b: 1, c: 1 } }, ['a', 'b'], [])).toHaveLength(1);
  });

  it('finds a decision stale when a task of it changed in what matters or is gone; a reopening never is', () => {
    const decision = { action: 'accept' as const, taskStates: { a: { version: 1, fingerprint: 'x' } } };
    expect(staleTasks(decision, () => 'x')).toEqual([]);
    expect(staleTasks(decision, () => 'y')).toEqual(['a']);
    expect(staleTasks(decision, () => undefined)).toEqual(['a']);
    expect(staleTasks({ ...decision, action: 'reopen' }, () => 'y')).toEqual([]);
  });
});
