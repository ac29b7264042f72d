/** GET /api/crews/:id/feed, GET /api/feeds/mine — the active calendar feed (its URL is shown only when made). */
export interface CalendarFeedStatusDto {
  active: boolean;
  createdAt: string | null;
  createdByName: string | null;
  /** When a calendar last fetched it. */
  lastUsedAt: string | null;
}

/** POST /api/crews/:id/feed, POST /api/feeds/mine — a new secret URL (any earlier one stops working). */
export interface CalendarFeedDto {
  url: string;
  createdAt: string;
}

/** One problem of a community sheet: its row (as numbered in the sheet), the column and why. */
export interface SheetProblemDto {
  row: number;
  field: string;
  message: string;
}

/** POST /api/locations/import — what the sheet does (or would do, with dryRun). */
export interface LocationImportReportDto {
  dryRun: boolean;
  rows: number;
  created: { compounds: number; buildings: number; units: number };
  updated: number;
  unchanged: number;
}

/** The calls behind a "subscribe to the calendar" button: a crew's feed, or one's own. */
export interface CalendarFeedEndpoints {
  status(): Promise<CalendarFeedStatusDto>;
  /** A new URL; any earlier one stops working. */
  create(): Promise<CalendarFeedDto>;
  revoke(): Promise<void>;
}
