import { AuditEntryEntity } from './audit/audit-entry.entity';
import { ChangeSetEntity } from './audit/change-set.entity';
import { RetiredRefreshTokenEntity } from './auth/retired-refresh-token.entity';
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
import { ProjectTaskCountEntity } from './planning/project-task-count.entity';
import { PlanChangeEntity } from './planning/plan-change.entity';
import { LocationEntity } from './sites/location.entity';
import { AckTokenEntity } from './notices/ack-token.entity';
import { AmendmentOwedEntity } from './notices/amendment-owed.entity';
import { DeliveryEntity } from './notices/delivery.entity';
import { EscalationAlertEntity } from './notices/escalation-alert.entity';
import { NoticeEscalationEntity } from './notices/notice-escalation.entity';
import { NoticeRunEntity } from './notices/notice-run.entity';
import { NoticeEntity } from './notices/notice.entity';
import { ConflictDecisionEntity } from './planning/conflict-decision.entity';
import { BaselineEntity } from './planning/baseline.entity';
import { BaselineTaskEntity } from './planning/baseline-task.entity';
import { WorkStepEntity } from './planning/work-step.entity';
import { CalendarFeedEntity } from './feeds/calendar-feed.entity';
import { PlaybookEntity } from './incidents/playbook.entity';
import { OnCallRosterEntity } from './incidents/on-call-roster.entity';
import { OnCallShiftEntity } from './incidents/on-call-shift.entity';
import { IncidentEntity } from './incidents/incident.entity';
import { IncidentDepartmentEntity } from './incidents/incident-department.entity';
import { IncidentCalloutEntity } from './incidents/incident-callout.entity';
import { IncidentAckTokenEntity } from './incidents/incident-ack-token.entity';
import { IncidentEventEntity } from './incidents/incident-event.entity';
import { IncidentTaskEntity } from './incidents/incident-task.entity';
import { IncidentClashEntity } from './incidents/incident-clash.entity';
import { LocationRobotEntity } from './announcements/location-robot.entity';
import { AnnouncementEntity } from './announcements/announcement.entity';
import { AnnouncementPostEntity } from './announcements/announcement-post.entity';
import { AnnouncementDeliveryEntity } from './announcements/announcement-delivery.entity';
import { MakeReadyConstraintEntity } from './make-ready/make-ready-constraint.entity';
import { WeeklyPlanEntity } from './make-ready/weekly-plan.entity';
import { WeeklyCommitmentEntity } from './make-ready/weekly-commitment.entity';
import { TaskReportEntity } from './make-ready/task-report.entity';
import { MakeReadyMessageEntity } from './make-ready/make-ready-message.entity';
import { NotReadyListRunEntity } from './make-ready/not-ready-list-run.entity';

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
  ProjectTaskCountEntity,
  PlanChangeEntity,
  DependencyEntity,
  UserEntity,
  SessionEntity,
  RetiredRefreshTokenEntity,
  AuditEntryEntity,
  ChangeSetEntity,
  NoticeRunEntity,
  NoticeEntity,
  DeliveryEntity,
  AckTokenEntity,
  NoticeEscalationEntity,
  EscalationAlertEntity,
  AmendmentOwedEntity,
  ConflictDecisionEntity,
  BaselineEntity,
  BaselineTaskEntity,
  WorkStepEntity,
  CalendarFeedEntity,
  PlaybookEntity,
  OnCallRosterEntity,
  OnCallShiftEntity,
  IncidentEntity,
  IncidentDepartmentEntity,
  IncidentCalloutEntity,
  IncidentAckTokenEntity,
  IncidentEventEntity,
  IncidentTaskEntity,
  IncidentClashEntity,
  LocationRobotEntity,
  AnnouncementEntity,
  AnnouncementPostEntity,
  AnnouncementDeliveryEntity,
  MakeReadyConstraintEntity,
  WeeklyPlanEntity,
  WeeklyCommitmentEntity,
  TaskReportEntity,
  MakeReadyMessageEntity,
  NotReadyListRunEntity,
];
