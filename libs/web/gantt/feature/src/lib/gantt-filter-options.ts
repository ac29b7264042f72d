import { ScheduledTaskDto } from '@worksite/shared-domain';
import { ReferenceMaps } from '@worksite/web-planning-data-access';
import { FilterOption } from './filter-multi.component';
import { NO_CREW } from './gantt-filter';

/** Choices of the filter bar: only departments, crews and compounds that the plan's tasks use. */
export interface GanttFilterOptions {
  readonly departments: FilterOption[];
  readonly crews: FilterOption[];
  readonly compounds: FilterOption[];
}

const byLabel = (a: FilterOption, b: FilterOption) => a.label.localeCompare(b.label, 'zh-CN');

export function filterOptions(
  tasks: readonly ScheduledTaskDto[],
  refs: ReferenceMaps,
  noCrew: string,
): GanttFilterOptions {
  const departments = new Map<string, FilterOption>();
  const crews = new Map<string, FilterOption>();
  const compounds = new Map<string, FilterOption>();
  let withoutCrew = false;
  const seenPlaces = new Set<string>();
  for (const task of tasks) {
    const department = refs.departments.get(task.departmentId);
    if (department && !departments.has(department.id))
      departments.set(department.id, { value: department.id, label: department.name });
    const crew = task.crewId ? refs.crews.get(task.crewId) : undefined;
    if (crew && !crews.has(crew.id))
      crews.set(crew.id, { value: crew.id, label: `${crew.name}（${crew.leaderName}）` });
    if (!task.crewId) withoutCrew = true;
    if (task.locationId && !seenPlaces.has(task.locationId)) {
      seenPlaces.add(task.locationId);
      // The outermost known location: a compound or a street segment.
      let root = refs.locations.get(task.locationId);
      for (let guard = 0; root?.parentId && guard < 10; guard++) {
        const parent = refs.locations.get(root.parentId);
        if (!parent) break;
        root = parent;
      }
      if (root && !compounds.has(root.id)) compounds.set(root.id, { value: root.id, label: root.name });
    }
  }
  const crewList = [...crews.values()].sort(byLabel);
  if (withoutCrew) crewList.push({ value: NO_CREW, label: noCrew });
  return {
    departments: [...departments.values()].sort(byLabel),
    crews: crewList,
    compounds: [...compounds.values()].sort(byLabel),
  };
}
