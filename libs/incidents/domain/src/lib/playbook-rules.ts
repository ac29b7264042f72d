import { PlaybookStepDto } from '@worksite/shared-domain';

/** What is wrong with a playbook's steps, as (field, problem) pairs; empty when they are fine. */
export type StepProblem =
  | { field: string; problem: 'duplicate-key'; key: string }
  | { field: string; problem: 'unknown-step'; key: string }
  | { field: string; problem: 'self-link'; key: string }
  | { field: 'steps'; problem: 'cycle'; keys: string[] };

/**
 * Step keys are unique, every link names another step, and the links have no cycle (the
 * cycle's keys are named, in order).
 */
export function playbookStepProblems(steps: readonly Pick<PlaybookStepDto, 'key' | 'dependsOn'>[]): StepProblem[] {
  const problems: StepProblem[] = [];
  const keys = new Set<string>();
  steps.forEach((step, index) => {
    if (keys.has(step.key)) problems.push({ field: `steps.${index}.key`, problem: 'duplicate-key', key: step.key });
    keys.add(step.key);
  });
  steps.forEach((step, index) =>
    step.dependsOn.forEach((link, at) => {
      const field = `steps.${index}.dependsOn.${at}.step`;
      if (link.step === step.key) problems.push({ field, problem: 'self-link', key: link.step });
      else if (!keys.has(link.step)) problems.push({ field, problem: 'unknown-step', key: link.step });
    }),
  );
  if (problems.length) return problems;
  const cycle = findCycle(steps);
  return cycle ? [{ field: 'steps', problem: 'cycle', keys: cycle }] : [];
}

function findCycle(steps: readonly Pick<PlaybookStepDto, 'key' | 'dependsOn'>[]): string[] | undefined {
  const after = new Map(steps.map((step) => [step.key, step.dependsOn.map((link) => link.step)]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (key: string): string[] | undefined => {
    if (state.get(key) === 'done') return undefined;
    if (state.get(key) === 'open') return [...path.slice(path.indexOf(key)), key];
    state.set(key, 'open');
    path.push(key);
    for (const next of after.get(key) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(key, 'done');
    return undefined;
  };
  for (const step of steps) {
    const found = visit(step.key);
    if (found) return found.reverse();
  }
  return undefined;
}

/** The departments an incident of the playbook calls in: the listed ones, then the steps' own, once each. */
export function calledInDepartments(playbook: {
  departmentIds: readonly string[];
  steps: readonly Pick<PlaybookStepDto, 'departmentId'>[];
}): string[] {
  return [...new Set([...playbook.departmentIds, ...playbook.steps.map((step) => step.departmentId)])];
}
