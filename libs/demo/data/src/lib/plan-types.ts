import { ConstraintType, DependencyType, InterruptionKind, SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { WorkText } from './data/work-steps.data';
import { DepartmentKey } from './data/organisations.data';

/** A task of the demo plan, keyed by its natural key (the seed turns keys into ids). */
export interface PlanTask {
  /** Natural key, e.g. 'HPXC-FXRD/八经小区/trench'; never contains a date of the run. */
  key: string;
  department: DepartmentKey;
  /** Crew key 'contractor/crew', or null when nobody is assigned. */
  crew: string | null;
  /** Location key, see {@link locationKey}. */
  location: string;
  text: WorkText;
  /** Working minutes of the project calendar. */
  duration: number;
  start: number;
  finish: number;
  mode: SchedulingMode;
  constraint: { type: ConstraintType; at: number } | null;
  needsUtilities: InterruptionKind[];
  interruption: {
    kind: InterruptionKind;
    start: number;
    end: number;
    locations: string[];
  } | null;
  status: TaskStatus;
  progress: number;
}

/** A dependency between two plan tasks, by their keys; lag in working minutes. */
export interface PlanLink {
  predecessor: string;
  successor: string;
  type: DependencyType;
  lag: number;
}

/** Natural keys of locations: '八经小区', '八经小区/32号楼', '八经小区/32号楼/1单元', '街路段/…'. */
export const locationKey = {
  compound: (compound: string) => compound,
  building: (compound: string, building: string) => `${compound}/${building}`,
  unit: (compound: string, building: string, unit: string) => `${compound}/${building}/${unit}`,
  segment: (name: string) => `街路段/${name}`,
};

/** Crew key: contractor and crew name (a crew name is unique within its contractor). */
export const crewKey = (contractor: string, crew: string) => `${contractor}/${crew}`;
