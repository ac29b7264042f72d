import { WorkingCalendar } from '../calendar/working-calendar';
import { AdjacencyRows } from '../graph/adjacency-rows';
import { GraphView, TopologicalOrder } from '../graph/topological-order';
import { LinkTable } from './link-table';
import { TaskTable } from './task-table';

/** Everything the passes work on: columns, adjacency (link indices) and the order. */
export class EngineState implements GraphView {
  readonly tasks: TaskTable;
  readonly links: LinkTable;
  /** Node → outgoing link indices. */
  readonly out: AdjacencyRows;
  /** Node → incoming link indices. */
  readonly inn: AdjacencyRows;
  readonly topo: TopologicalOrder;
  projectStartPos: number;
  /** Position of the deadline, NaN without one. */
  deadlinePos: number;
  /** False after an edit until the backward pass runs again. */
  lateValid = false;

  constructor(
    readonly calendar: WorkingCalendar,
    readonly projectStart: number,
    readonly deadline: number | null,
    taskCapacity: number,
    linkCapacity: number,
  ) {
    this.tasks = new TaskTable(taskCapacity);
    this.links = new LinkTable(linkCapacity);
    this.out = new AdjacencyRows(this.tasks.capacity);
    this.inn = new AdjacencyRows(this.tasks.capacity);
    this.topo = new TopologicalOrder(this.tasks.capacity);
    this.projectStartPos = calendar.positionAt(projectStart);
    this.deadlinePos = deadline === null ? Number.NaN : calendar.positionAt(deadline);
  }

  get from(): Int32Array {
    return this.links.from;
  }

  get to(): Int32Array {
    return this.links.to;
  }

  /** Start instant of a task as scheduled (pinned for manual tasks). */
  startOf(i: number): number {
    const t = this.tasks;
    return t.manual[i] ? t.pinStart[i] : this.calendar.startAtPosition(t.es[i]);
  }

  /** Finish instant of a task as scheduled; a zero-duration task finishes where it starts. */
  finishOf(i: number): number {
    const t = this.tasks;
    if (t.manual[i]) return t.pinFinish[i];
    return t.ef[i] === t.es[i] ? this.calendar.startAtPosition(t.es[i]) : this.calendar.finishAtPosition(t.ef[i]);
  }
}
