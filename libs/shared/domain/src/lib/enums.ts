/** Kinds of departments and agencies that work in the neighbourhood. */
export enum DepartmentKind {
  Power = 'power',
  Telecom = 'telecom',
  Water = 'water',
  Gas = 'gas',
  Heating = 'heating',
  CityConstruction = 'city_construction',
  CityAppearance = 'city_appearance',
  Police = 'police',
  Community = 'community',
  Other = 'other',
}

export enum LocationKind {
  Compound = 'compound',
  Building = 'building',
  Unit = 'unit',
  StreetSegment = 'street_segment',
}

export enum TaskStatus {
  Planned = 'planned',
  Ready = 'ready',
  InProgress = 'in_progress',
  Done = 'done',
  Blocked = 'blocked',
  Cancelled = 'cancelled',
}

/** Finish-to-start, start-to-start, finish-to-finish, start-to-finish. */
export enum DependencyType {
  FS = 'FS',
  SS = 'SS',
  FF = 'FF',
  SF = 'SF',
}

export enum ConstraintType {
  StartNoEarlierThan = 'start_no_earlier_than',
  FinishNoLaterThan = 'finish_no_later_than',
  MustStartOn = 'must_start_on',
}

/** Automatic tasks are moved by the engine; manual tasks are pinned and only reported. */
export enum SchedulingMode {
  Automatic = 'automatic',
  Manual = 'manual',
}

/** What a task cuts off for residents while it runs. */
export enum InterruptionKind {
  Power = 'power',
  Water = 'water',
  Gas = 'gas',
  Heating = 'heating',
  Network = 'network',
  RoadClosure = 'road_closure',
}

export enum ChannelKind {
  Email = 'email',
  Sms = 'sms',
  WeCom = 'wecom',
  DingTalk = 'dingtalk',
  Feishu = 'feishu',
}

export enum Language {
  ZhCN = 'zh-CN',
  En = 'en',
}

export enum CalendarExceptionKind {
  /** A day off that would otherwise be a working day (public holiday). */
  Holiday = 'holiday',
  /** A working day that would otherwise be a day off (调休 make-up day). */
  MakeUpWorkday = 'makeup_workday',
}

/** What a user may do, see libs/auth for the per-object rules. */
export enum Role {
  Admin = 'admin',
  /** Plans the projects they are assigned to. */
  Coordinator = 'coordinator',
  /** Leads the crews they are assigned to. */
  Contractor = 'contractor',
  /** Member of one department (agency). */
  Agency = 'agency',
  /** Reads everything, changes nothing. */
  Viewer = 'viewer',
}

export enum AuditAction {
  Create = 'create',
  Update = 'update',
  Delete = 'delete',
}
