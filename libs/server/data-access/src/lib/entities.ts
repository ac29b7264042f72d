import { AuditEntryEntity } from './audit/audit-entry.entity';
import { SessionEntity } from './auth/session.entity';
import { UserEntity } from './auth/user.entity';
import { ContractorEntity } from './org/contractor.entity';
import { CrewChannelEntity } from './org/crew-channel.entity';
import { CrewEntity } from './org/crew.entity';
import { DepartmentEntity } from './org/department.entity';
import { BlackoutWindowEntity } from './planning/blackout-window.entity';
import { CalendarExceptionEntity } from './planning/calendar-exception.entity';
import { CalendarEntity } from './planning/calendar.entity';
import { DependencyEntity } from './planning/dependency.entity';
import { ProjectEntity } from './planning/project.entity';
import { TaskEntity } from './planning/task.entity';
import { LocationEntity } from './sites/location.entity';

/** Every entity of the schema; the DataSource and the schema-diff check use this list. */
export const ENTITIES = [
  DepartmentEntity,
  ContractorEntity,
  CrewEntity,
  CrewChannelEntity,
  LocationEntity,
  CalendarEntity,
  CalendarExceptionEntity,
  BlackoutWindowEntity,
  ProjectEntity,
  TaskEntity,
  DependencyEntity,
  UserEntity,
  SessionEntity,
  AuditEntryEntity,
];
