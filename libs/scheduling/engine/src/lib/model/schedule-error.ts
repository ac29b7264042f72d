/** Why a project or a change could not be scheduled. */
export type ScheduleError =
  | {
      /** The links form a cycle; tasks and links listed in dependency order. */
      readonly kind: 'cycle';
      readonly taskIds: readonly string[];
      readonly linkIds: readonly string[];
    }
  | { readonly kind: 'unknown-task'; readonly taskId: string; readonly linkId?: string }
  | { readonly kind: 'unknown-link'; readonly linkId: string }
  | { readonly kind: 'duplicate-id'; readonly entity: 'task' | 'link'; readonly id: string }
  | { readonly kind: 'invalid-value'; readonly id: string; readonly field: string; readonly message: string };

/** Success with a value, or a {@link ScheduleError}. */
export type Outcome<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly error: ScheduleError };
