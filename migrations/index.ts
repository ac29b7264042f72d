import { Initial1795820038955 } from './1795820038955-initial';
import { AuthAndAudit1795820959151 } from './1795820959151-auth-and-audit';
import { NightlyNotices1795823340695 } from './1795823340695-nightly-notices';
import { NoticeRecordAttempt1795839581628 } from './1795839581628-notice-record-attempt';
import { GenericDeliveryLedger1796308782291 } from './1796308782291-generic-delivery-ledger';
import { AccountsAndSessions1796309074670 } from './1796309074670-accounts-and-sessions';
import { ConflictDecisionsAndBaselines1796314485156 } from './1796314485156-conflict-decisions-and-baselines';
import { TaskCodes1796321856549 } from './1796321856549-task-codes';
import { WorkSteps1796321941712 } from './1796321941712-work-steps';
import { UndoChangeSets1796321982116 } from './1796321982116-undo-change-sets';
import { TaskExternalCode1796322028119 } from './1796322028119-task-external-code';
import { CalendarFeeds1796322069791 } from './1796322069791-calendar-feeds';
import { Incidents1796402933354 } from './1796402933354-incidents';
import { Announcements1796402989083 } from './1796402989083-announcements';
import { MakeReady1796415653276 } from './1796415653276-make-ready';
import { DeliveriesCreatedIndex1796416790323 } from './1796416790323-deliveries-created-index';
import { MakeReadyNotices1796417494507 } from './1796417494507-make-ready-notices';
import { TaskCodeCounter1796420034130 } from './1796420034130-task-code-counter';
import { TasksProjectStartIndex1796426505095 } from './1796426505095-tasks-project-start-index';
import { ActorChangeNotices1796426617387 } from './1796426617387-actor-change-notices';
import { OweAmendmentPlpgsql1796427000000 } from './1796427000000-owe-amendment-plpgsql';
import { TaskAmendmentsPerStatement1796441200000 } from './1796441200000-task-amendments-per-statement';
import { TaskExternalCodePartial1796480000000 } from './1796480000000-task-external-code-partial';
import { TaskAmendmentsNoticedDates1796480100000 } from './1796480100000-task-amendments-noticed-dates';
import { ProjectTaskCounts1796500000000 } from './1796500000000-project-task-counts';
import { AuditTypedMoves1796510000000 } from './1796510000000-audit-typed-moves';
import { TaskHotMoves1796520000000 } from './1796520000000-task-hot-moves';
import { PlanChanges1796530000000 } from './1796530000000-plan-changes';

/** Every migration in order; the DataSource lists them explicitly so bundles need no glob. */
export const MIGRATIONS = [
  Initial1795820038955,
  AuthAndAudit1795820959151,
  NightlyNotices1795823340695,
  NoticeRecordAttempt1795839581628,
  GenericDeliveryLedger1796308782291,
  AccountsAndSessions1796309074670,
  ConflictDecisionsAndBaselines1796314485156,
  TaskCodes1796321856549,
  WorkSteps1796321941712,
  UndoChangeSets1796321982116,
  TaskExternalCode1796322028119,
  CalendarFeeds1796322069791,
  Incidents1796402933354,
  Announcements1796402989083,
  MakeReady1796415653276,
  DeliveriesCreatedIndex1796416790323,
  MakeReadyNotices1796417494507,
  TaskCodeCounter1796420034130,
  TasksProjectStartIndex1796426505095,
  ActorChangeNotices1796426617387,
  OweAmendmentPlpgsql1796427000000,
  TaskAmendmentsPerStatement1796441200000,
  TaskExternalCodePartial1796480000000,
  TaskAmendmentsNoticedDates1796480100000,
  ProjectTaskCounts1796500000000,
  AuditTypedMoves1796510000000,
  TaskHotMoves1796520000000,
  PlanChanges1796530000000,
];
