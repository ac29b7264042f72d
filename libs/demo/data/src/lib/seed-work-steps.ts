import { WorkStepEntity } from '@worksite/server-data-access';
import { DEPARTMENTS } from './data/organisations.data';
import { STANDARD_STEPS } from './data/standard-steps.data';
import { demoId } from './demo-id';
import { SeededOrganisations } from './seed-organisations';
import { SeedWriter } from './seed-writer';

/** The standard work steps (标准工序); a step already there by name is left as it is. */
export async function seedWorkSteps(writer: SeedWriter, org: SeededOrganisations): Promise<number> {
  const kinds = new Map(DEPARTMENTS.map((d) => [d.key, d.kind]));
  const ids = await writer.ensure(
    WorkStepEntity,
    STANDARD_STEPS.map((step) => ({
      key: step.name,
      id: demoId('work-step', step.name),
      row: {
        name: step.name,
        departmentKind: kinds.get(step.department),
        departmentId: org.departments.get(step.department),
        durationMinutes: step.minutes,
        content: step.content,
        materials: step.materials,
        tools: step.tools,
        safetyNotes: step.safetyNotes,
      },
    })),
    await writer.idsByKey('SELECT id, name AS key FROM work_steps WHERE name = ANY($1)', [
      STANDARD_STEPS.map((step) => step.name),
    ]),
  );
  return ids.size;
}
