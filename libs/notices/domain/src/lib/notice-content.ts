import { NoticeChangeDto } from '@worksite/shared-domain';

/** Languages a notice is written in; zh-CN is the default. */
export type NoticeLanguage = 'zh-CN' | 'en';

/** Where a task happens, from the compound down to the unit, with the street address. */
export interface NoticeLocation {
  compound: string | null;
  building: string | null;
  unit: string | null;
  /** A street segment, when the task is on a street rather than in a compound. */
  street: string | null;
  address: string | null;
}

export interface NoticeMaterial {
  name: string;
  quantity?: number;
  unit?: string;
}

/** A task that must happen before this one, and whether it is done. */
export interface NoticePredecessor {
  taskId: string;
  title: string;
  crewName: string | null;
  departmentName: string;
  status: string;
  done: boolean;
}

/**
 * A cut of a utility for residents: local times (HH:mm, an end at midnight reads 24:00) and
 * local dates (YYYY-MM-DD) of its start and end. Notices stored before the dates were kept
 * have no dates.
 */
export interface NoticeInterruption {
  kind: string;
  start: string;
  end: string;
  startDate?: string;
  endDate?: string;
}

/** Another crew working on the same site (compound or street) the same day. */
export interface NoticeNeighbour {
  crewName: string;
  departmentName: string;
  taskTitle: string;
  /** Local times HH:mm. */
  start: string;
  end: string;
}

/** An open make-ready constraint of a task (a permit, an approval, materials…), as the crew reads it. */
export interface NoticeConstraint {
  /** A constraint kind of @worksite/shared-make-ready (labelled in the crew's language when rendered). */
  kind: string;
  description: string;
  /** The owner department's or user's name. */
  ownerName: string | null;
  /** Local date YYYY-MM-DD by which it must be cleared. */
  dueDate: string | null;
}

/** One task of the day, as the crew reads it. */
export interface NoticeTask {
  taskId: string;
  projectId: string;
  projectName: string;
  title: string;
  content: string;
  /** Local times (HH:mm) of the work on this date. */
  start: string;
  end: string;
  /** Instants (ISO, UTC) of the work on this date, for the calendar attachment. */
  startsAt: string;
  endsAt: string;
  /** The task began on an earlier day / goes on after this day. */
  continuesFromEarlier: boolean;
  continuesLater: boolean;
  location: NoticeLocation | null;
  materials: NoticeMaterial[];
  tools: string[];
  safetyNotes: string;
  status: string;
  /** The cut of a utility (power, water…) this task causes for residents, if it touches this day. */
  interruption: NoticeInterruption | null;
  predecessors: NoticePredecessor[];
  neighbours: NoticeNeighbour[];
  /**
   * The task's open constraints when it is not ready (project policy 'mark'); empty or absent
   * (notices stored before make-ready) when it is ready.
   */
  notReady?: NoticeConstraint[];
}

export interface NoticeContact {
  name: string;
  phone: string | null;
  projectName: string;
}

/** Everything one crew's notice for one local date says, in the crew's language. */
export interface NoticeContent {
  crew: {
    id: string;
    name: string;
    leaderName: string;
    leaderPhone: string | null;
    contractorName: string;
    departmentName: string;
  };
  /** Local date YYYY-MM-DD. */
  date: string;
  timeZone: string;
  language: NoticeLanguage;
  /** In time order. */
  tasks: NoticeTask[];
  /** The coordinators of the projects of the tasks. */
  contacts: NoticeContact[];
}

/** What a revision says changed against the last sent one (the API's list of kinds). */
export type NoticeChangeKind = NoticeChangeDto['kind'];

export interface NoticeChange {
  kind: NoticeChangeKind;
  taskId: string;
  title: string;
  before?: string;
  after?: string;
}

/** Where a task of the last revision went, when it is not in the new one. */
export type RemovedTaskFate = 'cancelled' | 'reassigned' | 'moved' | 'removed' | 'held';

/** A notice revision to render: its content, its number and what changed. */
export interface NoticeRevision {
  content: NoticeContent;
  revision: number;
  changes: NoticeChange[];
}
