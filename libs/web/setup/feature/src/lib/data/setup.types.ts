import {
  CalendarExceptionKind,
  ChannelKind,
  DepartmentKind,
  Language,
  LocationKind,
  ProjectDto,
  Role,
  WorkStepDto,
} from '@worksite/shared-domain';
import { WeeklyWindows } from '../forms/weekly-windows';
import { Versioned } from './resource-store';

/** The records of the setup screens as the API returns them. */
export interface DepartmentRow extends Versioned {
  kind: DepartmentKind;
  name: string;
  color: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

export interface ContractorRow extends Versioned {
  name: string;
  departmentId: string;
  contactName: string | null;
  contactPhone: string | null;
}

export interface CrewRow extends Versioned {
  name: string;
  contractorId: string;
  departmentId: string;
  leaderName: string;
  leaderPhone: string | null;
  language: Language;
}

export interface CrewChannelRow extends Versioned {
  crewId: string;
  kind: ChannelKind;
  address: string;
  enabled: boolean;
}

export interface LocationRow extends Versioned {
  kind: LocationKind;
  name: string;
  parentId: string | null;
  address: string | null;
  households: number | null;
}

export interface CalendarRow extends Versioned {
  name: string;
  weeklyWindows: WeeklyWindows;
}

export interface CalendarExceptionRow extends Versioned {
  calendarId: string;
  date: string;
  kind: CalendarExceptionKind;
  name: string;
}

export interface BlackoutWindowRow extends Versioned {
  calendarId: string;
  startsAt: string;
  endsAt: string;
  reason: string;
}

/** A project as the API answers it (one shape for server and web). */
export type ProjectRow = ProjectDto;

export interface UserRow extends Versioned {
  username: string;
  displayName: string;
  role: Role;
  language: Language;
  active: boolean;
  departmentId: string | null;
  email: string | null;
  phone: string | null;
  /** Ids of the crews a contractor leads and the projects a coordinator plans (as the API loads them). */
  crewIds?: string[];
  projectIds?: string[];
  crews?: string[];
  projects?: string[];
}

/** A standard work step as the API lists it (the shared WorkStepDto). */
export type WorkStepRow = WorkStepDto;
