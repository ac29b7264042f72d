/** Every resource the API exposes, named as in access rules and audit entries. */
export enum Resource {
  Department = 'department',
  Contractor = 'contractor',
  Crew = 'crew',
  CrewChannel = 'crew-channel',
  Location = 'location',
  Calendar = 'calendar',
  CalendarException = 'calendar-exception',
  BlackoutWindow = 'blackout-window',
  Project = 'project',
  Task = 'task',
  Dependency = 'dependency',
  User = 'user',
  Audit = 'audit',
  NoticeRun = 'notice-run',
  Notice = 'notice',
  Delivery = 'delivery',
  NoticeEscalation = 'notice-escalation',
  ConflictDecision = 'conflict-decision',
  Baseline = 'baseline',
  WorkStep = 'work-step',
  Announcement = 'announcement',
  LocationRobot = 'location-robot',
}

export type WriteAction = 'create' | 'update' | 'delete';
