/** The request header naming the change set (one user action) of a write; the answer repeats it. */
export const CHANGE_SET_HEADER = 'X-Change-Set';

/** POST /api/change-sets/:id/undo and …/redo: the change set the undo (or redo) itself made. */
export interface ChangeSetRevertDto {
  /** The new change set: redo it (…/redo) to take the undo back. */
  changeSetId: string;
  /** The change set that was undone. */
  revertsId: string;
  projectIds: string[];
  /** Tasks written (put back, recreated or deleted), those pushed by the re-scheduling included. */
  taskIds: string[];
  /** Dependencies put back, recreated or deleted. */
  dependencyIds: string[];
  /**
   * Deleted tasks brought back under a new code because a newer task of the project holds their
   * old one (codes name tasks in the predecessors notation, so two tasks never share one).
   */
  renumbered: RenumberedTaskDto[];
}

/** A task an undo recreated under a fresh code: which, and its code before and now. */
export interface RenumberedTaskDto {
  taskId: string;
  title: string;
  previousCode: number;
  code: number;
}
