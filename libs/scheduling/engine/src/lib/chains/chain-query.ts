import { DependencyType } from '@worksite/shared-domain';
import { ScheduleResult, ScheduledLink, ScheduledTask } from '../model/schedule-result';

/** The link through which a chain item was reached, with its slack (working minutes). */
export interface ChainLink {
  readonly linkId: string;
  readonly predecessorId: string;
  readonly successorId: string;
  readonly type: DependencyType;
  readonly lag: number;
  readonly slack: number;
  /** True when the link determines the successor's dates (slack <= 0). */
  readonly driving: boolean;
}

/**
 * One task of an upstream or downstream chain. `depth` is the number of links from the
 * queried task along the shortest path; `via` is the link joining it to the chain one
 * step closer to the queried task; `payload` is whatever the caller attached to the task.
 */
export interface ChainItem<P = unknown> {
  readonly taskId: string;
  readonly depth: number;
  readonly via: ChainLink;
  readonly task: ScheduledTask;
  readonly payload: P | undefined;
}

export interface ChainOptions<P> {
  /** Stop after this many links (default: no limit). */
  readonly maxDepth?: number;
  /** Follow only driving links: "who are we actually waiting for" / "whom do we hold up". */
  readonly drivingOnly?: boolean;
  /** Task metadata to pass through (department, crew, title, …). */
  readonly payload?: (taskId: string) => P | undefined;
}

/**
 * Answers chain queries over a schedule result without touching the engine. Build it once
 * per result; each query is a breadth-first walk over the links.
 */
export class ChainIndex {
  private readonly taskById = new Map<string, ScheduledTask>();
  private readonly incoming = new Map<string, ScheduledLink[]>();
  private readonly outgoing = new Map<string, ScheduledLink[]>();

  constructor(result: ScheduleResult) {
    for (const t of result.tasks) this.taskById.set(t.id, t);
    for (const l of result.links) {
      push(this.incoming, l.successorId, l);
      push(this.outgoing, l.predecessorId, l);
    }
  }

  /** Transitive predecessors of a task, nearest first; empty for an unknown task. */
  upstream<P = unknown>(taskId: string, options: ChainOptions<P> = {}): ChainItem<P>[] {
    return this.walk(taskId, this.incoming, (l) => l.predecessorId, options);
  }

  /** Transitive successors of a task, nearest first; empty for an unknown task. */
  downstream<P = unknown>(taskId: string, options: ChainOptions<P> = {}): ChainItem<P>[] {
    return this.walk(taskId, this.outgoing, (l) => l.successorId, options);
  }

  private walk<P>(
    origin: string,
    edges: ReadonlyMap<string, ScheduledLink[]>,
    far: (l: ScheduledLink) => string,
    options: ChainOptions<P>,
  ): ChainItem<P>[] {
    const items: ChainItem<P>[] = [];
    if (!this.taskById.has(origin)) return items;
    const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
    const seen = new Set<string>([origin]);
    let frontier = [origin];
    for (let depth = 1; frontier.length > 0 && depth <= maxDepth; depth++) {
      const next: string[] = [];
      for (const near of frontier) {
        for (const link of edges.get(near) ?? []) {
          const id = far(link);
          const driving = link.slack <= 0;
          if (seen.has(id) || (options.drivingOnly && !driving)) continue;
          seen.add(id);
          next.push(id);
          items.push({
            taskId: id,
            depth,
            via: {
              linkId: link.id,
              predecessorId: link.predecessorId,
              successorId: link.successorId,
              type: link.type,
              lag: link.lag,
              slack: link.slack,
              driving,
            },
            task: this.taskById.get(id) as ScheduledTask,
            payload: options.payload?.(id),
          });
        }
      }
      frontier = next;
    }
    return items;
  }
}

/** Transitive predecessors of a task (see {@link ChainIndex.upstream}). */
export function upstreamChain<P = unknown>(
  result: ScheduleResult,
  taskId: string,
  options?: ChainOptions<P>,
): ChainItem<P>[] {
  return new ChainIndex(result).upstream(taskId, options);
}

/** Transitive successors of a task (see {@link ChainIndex.downstream}). */
export function downstreamChain<P = unknown>(
  result: ScheduleResult,
  taskId: string,
  options?: ChainOptions<P>,
): ChainItem<P>[] {
  return new ChainIndex(result).downstream(taskId, options);
}

function push(map: Map<string, ScheduledLink[]>, key: string, link: ScheduledLink): void {
  const list = map.get(key);
  if (list) list.push(link);
  else map.set(key, [link]);
}
