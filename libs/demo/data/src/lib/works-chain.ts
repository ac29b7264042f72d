import { ConstraintType, DependencyType, InterruptionKind } from '@worksite/shared-domain';
import { CompoundSpec, STREET_SEGMENTS } from './data/community.data';
import { DepartmentKey } from './data/organisations.data';
import {
  fibreStep,
  gasSurveyStep,
  heatingStep,
  powerStep,
  restoreStep,
  StepSite,
  trenchStep,
  waterStep,
  WorkText,
} from './data/work-steps.data';
import { locationKey, PlanLink } from './plan-types';

/** Which part of a task its interruption covers. */
export type InterruptionSpan = 'whole' | 'last-2h';

/** A task before scheduling: what, where, how long, and who may do it. */
export interface TaskDraft {
  key: string;
  department: DepartmentKey;
  /** Tasks of one group go to the same crew (a power crew moving building to building). */
  crewGroup: string;
  location: string;
  text: WorkText;
  duration: number;
  /** Start no earlier than this instant (the compound's batch date), if any. */
  notBefore: number | null;
  needsUtilities: InterruptionKind[];
  interruption: {
    kind: InterruptionKind;
    span: InterruptionSpan;
    locations: string[];
  } | null;
}

export interface ChainPart {
  drafts: TaskDraft[];
  links: PlanLink[];
}

const OPERATORS: { key: DepartmentKey; name: string }[] = [
  { key: 'mobile', name: '中国移动' },
  { key: 'telecom', name: '中国电信' },
  { key: 'unicom', name: '中国联通' },
];

/** Building names of a compound: house numbers 2 apart on its street. */
export function buildingNames(compound: CompoundSpec): string[] {
  return compound.buildings.map((_, i) => `${compound.firstNumber + 2 * i}号楼`);
}

export function siteOf(compound: CompoundSpec): StepSite {
  const segment = STREET_SEGMENTS.find((s) => s.street === compound.street);
  if (!segment) throw new Error(`no street segment for ${compound.street}`);
  return {
    compound: compound.name,
    buildings: compound.buildings.length,
    units: compound.buildings.reduce((n, [units]) => n + units, 0),
    households: compound.buildings.reduce((n, [u, h]) => n + u * h, 0),
    segment,
  };
}

const link = (predecessor: string, successor: string, type = DependencyType.FS, lag = 0): PlanLink => ({
  predecessor,
  successor,
  type,
  lag,
});

/**
 * The 飞线入地 chain of one compound (index = its batch):
 * 燃气 marks the pipes and 电力 rewires the buildings (two streams on big compounds), 城建
 * digs the trench half a day after power starts (SS +4h), the three operators pull fibre
 * when the trench is (nearly) done and power is finished, 市容 restores the surface after
 * them (FF +4h behind 联通). Some compounds also need a water main moved or heating pipes
 * protected.
 */
export function compoundChain(code: string, index: number, compound: CompoundSpec, notBefore: number): ChainPart {
  const site = siteOf(compound);
  const names = buildingNames(compound);
  const key = (step: string) => `${code}/${compound.name}/${step}`;
  const compoundLocation = locationKey.compound(compound.name);
  const drafts: TaskDraft[] = [];
  const links: PlanLink[] = [];
  const add = (draft: Omit<TaskDraft, 'needsUtilities' | 'interruption' | 'notBefore'> & Partial<TaskDraft>) => {
    drafts.push({ needsUtilities: [], interruption: null, notBefore: null, ...draft });
    return draft.key;
  };

  const streams = names.length >= 4 ? 2 : 1;
  const streamEnds: string[] = [];
  const streamStarts: string[] = [];
  for (let s = 0; s < streams; s++) {
    let previous: string | null = null;
    for (let b = s; b < names.length; b += streams) {
      const units = compound.buildings[b][0];
      const current = add({
        key: key(`电力/${names[b]}`),
        department: 'power',
        crewGroup: key(`电力/${s + 1}`),
        location: locationKey.building(compound.name, names[b]),
        text: powerStep(site, names[b], units),
        duration: 240,
        notBefore: previous ? null : notBefore,
        interruption: {
          kind: InterruptionKind.Power,
          span: 'whole',
          locations: [locationKey.building(compound.name, names[b])],
        },
      });
      if (previous) links.push(link(previous, current));
      else streamStarts.push(current);
      previous = current;
    }
    if (previous) streamEnds.push(previous);
  }

  const gas = add({
    key: key('燃气交底'),
    department: 'gas',
    crewGroup: key('燃气交底'),
    location: compoundLocation,
    text: gasSurveyStep(site),
    duration: 120,
    notBefore,
  });
  const trench = add({
    key: key('管沟'),
    department: 'construction',
    crewGroup: key('管沟'),
    location: compoundLocation,
    text: trenchStep(site),
    duration: 240 + 120 * names.length,
    interruption: {
      kind: InterruptionKind.RoadClosure,
      span: 'whole',
      locations: [locationKey.segment(site.segment.name)],
    },
  });
  links.push(link(gas, trench), link(streamStarts[0], trench, DependencyType.SS, 240));

  const buildingLocations = names.map((b) => locationKey.building(compound.name, b));
  const trenchLags = [-120, 0, 60];
  const fibres = OPERATORS.map((operator, k) => {
    const fibre = add({
      key: key(operator.name),
      department: operator.key,
      crewGroup: key(operator.name),
      location: compoundLocation,
      text: fibreStep(site, operator.name),
      duration: 240 + 60 * names.length,
      needsUtilities: [InterruptionKind.Power],
      interruption: {
        kind: InterruptionKind.Network,
        span: 'last-2h',
        locations: buildingLocations,
      },
    });
    links.push(link(trench, fibre, DependencyType.FS, trenchLags[k]));
    for (const end of streamEnds) links.push(link(end, fibre));
    return fibre;
  });

  const restore = add({
    key: key('市容'),
    department: 'appearance',
    crewGroup: key('市容'),
    location: compoundLocation,
    text: restoreStep(site),
    duration: 240 + 60 * names.length,
  });
  links.push(link(fibres[0], restore), link(fibres[1], restore), link(fibres[2], restore, DependencyType.FF, 240));

  if (index % 6 === 2) {
    const water = add({
      key: key('给水迁改'),
      department: 'water',
      crewGroup: key('给水迁改'),
      location: compoundLocation,
      text: waterStep(site),
      duration: 240,
      interruption: {
        kind: InterruptionKind.Water,
        span: 'whole',
        locations: buildingLocations.slice(0, 2),
      },
    });
    links.push(link(trench, water, DependencyType.SS, 240), link(water, restore));
  }
  if (index % 7 === 3) {
    const heating = add({
      key: key('供热防护'),
      department: 'heating',
      crewGroup: key('供热防护'),
      location: compoundLocation,
      text: heatingStep(site),
      duration: 180,
    });
    links.push(link(trench, heating, DependencyType.SS, 120), link(heating, restore));
  }
  return { drafts, links };
}

/** Constraint of a draft for the engine and for the stored task. */
export function constraintOf(draft: TaskDraft) {
  return draft.notBefore === null ? null : { type: ConstraintType.StartNoEarlierThan, at: draft.notBefore };
}
