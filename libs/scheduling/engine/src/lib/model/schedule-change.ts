import { DependencyType, SchedulingMode } from '@worksite/shared-domain';
import { LinkInput, TaskConstraint, TaskInput } from './project-input';

/**
 * One edit of a scheduled project.
 *
 * - `move-task`: a manual task takes the new start (and finish, else it keeps its working
 *   duration). An automatic task gets a start-no-earlier-than constraint at `start`
 *   (replacing its constraint), as when dragging a bar in a planning tool: it starts there
 *   unless its links demand later; `finish` is ignored for automatic tasks.
 * - `resize-task`: new duration in working minutes (a manual task keeps its start).
 * - `set-mode`: to manual, the task is pinned at `start`/`finish` or, by default, where it
 *   is now; to automatic, it keeps its current working duration and is rescheduled.
 * - `set-constraint`: replaces the task's constraint (null removes it).
 * - `update-task`: the task takes all of `task`'s inputs, as if it had been created with them
 *   (a stored row read again after someone else's edit); its links stay.
 * - `add-task`, `remove-task` (also removes its links), `add-link`, `remove-link`,
 *   `update-link` (type and/or lag in working minutes).
 */
export type ScheduleChange =
  | { readonly kind: 'move-task'; readonly taskId: string; readonly start: number; readonly finish?: number | null }
  | { readonly kind: 'resize-task'; readonly taskId: string; readonly duration: number }
  | {
      readonly kind: 'set-mode';
      readonly taskId: string;
      readonly mode: SchedulingMode;
      readonly start?: number | null;
      readonly finish?: number | null;
    }
  | { readonly kind: 'set-constraint'; readonly taskId: string; readonly constraint: TaskConstraint | null }
  | { readonly kind: 'add-task'; readonly task: TaskInput }
  | { readonly kind: 'update-task'; readonly task: TaskInput }
  | { readonly kind: 'remove-task'; readonly taskId: string }
  | { readonly kind: 'add-link'; readonly link: LinkInput }
  | { readonly kind: 'remove-link'; readonly linkId: string }
  | { readonly kind: 'update-link'; readonly linkId: string; readonly type?: DependencyType; readonly lag?: number };
