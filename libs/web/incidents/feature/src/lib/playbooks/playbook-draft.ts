import {
  IncidentKind,
  PlaybookDto,
  PlaybookRequest,
  PlaybookStepDto,
  PlaybookStepLinkDto,
} from '@worksite/shared-domain';
import { formatDuration, parseDuration } from '@worksite/plan-notation';

/** An incident runs around the clock: a "day" of a playbook step is 24 hours. */
export const INCIDENT_DAY_MINUTES = 24 * 60;

/** One step as the editor holds it: durations, materials and tools as typed. */
export interface StepDraft {
  key: string;
  title: string;
  departmentId: string;
  /** "2h", "2小时", "90分钟". */
  duration: string;
  /** Keys of the steps it waits for. */
  after: string[];
  /** The stored links, so a link's type and lag survive an edit of something else. */
  links: PlaybookStepLinkDto[];
  content: string;
  /** One per line: "阻燃电缆 50 米". */
  materials: string;
  /** One per line. */
  tools: string;
  safetyNotes: string;
  /** '' for none. */
  interruption: string;
}

export interface PlaybookDraft {
  id: string | null;
  version: number;
  kind: IncidentKind;
  name: string;
  departmentIds: string[];
  paperworkDepartmentId: string;
  safetyNotes: string;
  steps: StepDraft[];
}

/** "阻燃电缆 50 米" → { name, quantity: 50, unit: '米' }; a line without a number is just the name. */
export function parseMaterialLine(line: string): PlaybookStepDto['materials'][number] | null {
  const text = line.trim();
  if (!text) return null;
  const match = /^(.*\S)\s+(\d+(?:\.\d+)?)\s*(\S*)$/.exec(text);
  if (!match) return { name: text };
  return { name: match[1], quantity: Number(match[2]), ...(match[3] ? { unit: match[3] } : {}) };
}

export function formatMaterial(material: PlaybookStepDto['materials'][number]): string {
  return [material.name, material.quantity ?? '', material.unit ?? ''].join(' ').replace(/\s+/g, ' ').trim();
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function stepDraft(step: PlaybookStepDto, lang: string): StepDraft {
  return {
    key: step.key,
    title: step.title,
    departmentId: step.departmentId,
    duration: formatDuration(step.durationMinutes, INCIDENT_DAY_MINUTES, lang),
    after: step.dependsOn.map((link) => link.step),
    links: step.dependsOn,
    content: step.content,
    materials: step.materials.map(formatMaterial).join('\n'),
    tools: step.tools.join('\n'),
    safetyNotes: step.safetyNotes,
    interruption: step.interruption ?? '',
  };
}

export function playbookDraft(playbook: PlaybookDto, lang: string): PlaybookDraft {
  return {
    id: playbook.id,
    version: playbook.version,
    kind: playbook.kind,
    name: playbook.name,
    departmentIds: [...playbook.departmentIds],
    paperworkDepartmentId: playbook.paperworkDepartmentId,
    safetyNotes: playbook.safetyNotes,
    steps: playbook.steps.map((step) => stepDraft(step, lang)),
  };
}

export function emptyPlaybook(kind: IncidentKind): PlaybookDraft {
  return {
    id: null,
    version: 0,
    kind,
    name: '',
    departmentIds: [],
    paperworkDepartmentId: '',
    safetyNotes: '',
    steps: [],
  };
}

/** A key not used by any step yet ("step-3"). */
export function newStepKey(steps: readonly StepDraft[]): string {
  const used = new Set(steps.map((step) => step.key));
  let n = steps.length + 1;
  while (used.has(`step-${n}`)) n++;
  return `step-${n}`;
}

export function emptyStep(steps: readonly StepDraft[]): StepDraft {
  return {
    key: newStepKey(steps),
    title: '',
    departmentId: '',
    duration: '',
    after: [],
    links: [],
    content: '',
    materials: '',
    tools: '',
    safetyNotes: '',
    interruption: '',
  };
}

/** What is wrong with a draft, by field (`name`, `steps.2.duration`...); keys are translation keys. */
export type DraftProblems = Record<string, string>;

export function draftProblems(draft: PlaybookDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.name.trim()) problems['name'] = 'incidents.playbooks.problems.required';
  if (!draft.paperworkDepartmentId) problems['paperworkDepartmentId'] = 'incidents.playbooks.problems.required';
  if (!draft.steps.length) problems['steps'] = 'incidents.playbooks.problems.noSteps';
  draft.steps.forEach((step, index) => {
    if (!step.title.trim()) problems[`steps.${index}.title`] = 'incidents.playbooks.problems.required';
    if (!step.departmentId) problems[`steps.${index}.departmentId`] = 'incidents.playbooks.problems.required';
    if (!parseDuration(step.duration, INCIDENT_DAY_MINUTES).ok)
      problems[`steps.${index}.duration`] = 'incidents.playbooks.problems.duration';
  });
  return problems;
}

/** The request of a valid draft (steps in the order shown; links kept with their type and lag). */
export function playbookRequest(draft: PlaybookDraft): PlaybookRequest {
  const keys = new Set(draft.steps.map((step) => step.key));
  return {
    kind: draft.kind,
    name: draft.name.trim(),
    departmentIds: draft.departmentIds,
    paperworkDepartmentId: draft.paperworkDepartmentId,
    safetyNotes: draft.safetyNotes.trim(),
    steps: draft.steps.map((step) => {
      const duration = parseDuration(step.duration, INCIDENT_DAY_MINUTES);
      return {
        key: step.key,
        title: step.title.trim(),
        departmentId: step.departmentId,
        durationMinutes: duration.ok ? duration.minutes : 0,
        dependsOn: step.after
          .filter((key) => keys.has(key) && key !== step.key)
          .map((key) => step.links.find((link) => link.step === key) ?? { step: key }),
        content: step.content.trim(),
        materials: lines(step.materials)
          .map(parseMaterialLine)
          .filter((m): m is NonNullable<typeof m> => m !== null),
        tools: lines(step.tools),
        safetyNotes: step.safetyNotes.trim(),
        interruption: (step.interruption || null) as PlaybookStepDto['interruption'],
      };
    }),
  };
}

/** The draft with step `index` moved by `delta` places. */
export function moveStep(draft: PlaybookDraft, index: number, delta: number): PlaybookDraft {
  const to = index + delta;
  if (to < 0 || to >= draft.steps.length) return draft;
  const steps = [...draft.steps];
  const [step] = steps.splice(index, 1);
  steps.splice(to, 0, step);
  return { ...draft, steps };
}

/** The draft without step `index`, and without the links to it. */
export function removeStep(draft: PlaybookDraft, index: number): PlaybookDraft {
  const key = draft.steps[index]?.key;
  return {
    ...draft,
    steps: draft.steps
      .filter((_, at) => at !== index)
      .map((step) => ({ ...step, after: step.after.filter((k) => k !== key) })),
  };
}
