import { Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { preparedQuery } from '../prepared-query';
import { NetworkIndex, samePositions } from './network-index';
import { ProjectNetwork } from './project-network';
import { ProjectNetworkService } from './project-network.service';

/** How many projects' networks are kept (the schedule cache keeps as many). */
const CAPACITY = 4;
/** Tasks moved since a network was kept from which it is no longer used (see KeptNetworks.fresh). */
const STALE_FROM = 1000;
/** How long after an edit that used a kept network it is brought up to date (after its commit). */
const REFRESH_AFTER_MS = 300;
/** A kept network is pushed from as exact (see exact) only this long after its snapshot was read. */
const EXACT_FOR_MS = 60 * 60_000;
/** Edits applied to a kept network in memory before it is read again. */
const ABSORBED_MAX = 500;
/** How often this api removes rows of plan_changes older than PLAN_CHANGES_KEPT. */
const PRUNE_EVERY_MS = 60 * 60_000;
const PLAN_CHANGES_KEPT = '1 day';

/** A kept network and what says whether it is still exact (see KeptNetworks.exact). */
export interface KeptNetwork {
  readonly network: ProjectNetwork;
  /** The snapshot it was read in (pg_current_snapshot() as text), when read in a REPEATABLE READ one. */
  readonly snapshot?: string;
  /** Transactions (ids as text) whose changes of the project were applied to it after they committed. */
  readonly absorbed: readonly string[];
  /** When its snapshot was read (Date.now()). */
  readonly readAt: number;
  /** Its tasks' positions (see NetworkIndex), built once per order of them. */
  taskAt?: NetworkIndex['taskAt'];
  /** Its links by successor and the successors of each task, built once per set of links. */
  links?: Pick<NetworkIndex, 'linksInto' | 'successors'>;
}

/**
 * The latest whole network of recently scheduled projects, as committed data showed it: an
 * edit whose push reaches thousands of tasks (one early in a large plan) reads, instead of
 * those rows, the ids and versions of the project's rows and only the rows changed since
 * (ProjectNetworkService.reload). Only networks read in read-only snapshots are kept: one read
 * inside a write transaction may hold rows that roll back, and a later write could give a row
 * the same version with other values. After such an edit the kept network is brought up to
 * date in the background (in a snapshot of its own), so the next edit reads few rows; after
 * others (late in the plan, a few hundred tasks read anyway) it is not, and once this api has
 * moved many tasks since it was kept it is not used until the schedule is read again.
 *
 * A task edit pushes from a kept network without reading the downstream at all when the network
 * is exact (see exact: plan_changes names no transaction its snapshot did not see), and keeps
 * what its own write made of it once the edit commits (keepOnCommit), so the next edit of the
 * project in this api goes on from there too.
 */
@Injectable()
export class KeptNetworks implements OnApplicationShutdown {
  private readonly logger = new Logger(KeptNetworks.name);
  private readonly networks = new Map<string, KeptNetwork>();
  /** What to keep once a transaction commits (see keepOnCommit), by its query runner. */
  private readonly onCommit = new WeakMap<QueryRunner, (() => void)[]>();
  private readonly pruning?: ReturnType<typeof setInterval>;
  /** Tasks this api moved in a project since its network was kept: past STALE_FROM, reading the changes costs more than it saves. */
  private readonly movedSince = new Map<string, number>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Set<Promise<unknown>>();
  private closing = false;

  constructor(
    private readonly network: ProjectNetworkService,
    @Optional() private readonly dataSource?: DataSource,
  ) {
    if (!dataSource) return;
    // Told of every commit and rollback (TypeORM calls transaction hooks of every subscriber).
    dataSource.subscribers.push(this);
    this.pruning = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.pruning.unref();
  }

  /**
   * The network kept for a project unless this api has moved many of its tasks since (a reload
   * brings it to a snapshot by reading what changed; writes of other apis are not counted).
   */
  fresh(projectId: string): ProjectNetwork | undefined {
    return (this.movedSince.get(projectId) ?? 0) < STALE_FROM ? this.networks.get(projectId)?.network : undefined;
  }

  /** The network kept for a project, whatever its age. */
  latest(projectId: string): ProjectNetwork | undefined {
    return this.networks.get(projectId)?.network;
  }

  /**
   * The kept network of a project if it is exactly the project as `manager`'s transaction sees
   * it apart from that transaction's own writes, else undefined. Exact: no transaction that its
   * snapshot did not see has changed the project's tasks or links since (plan_changes), except
   * those applied to it in memory (keepOnCommit). Also undefined when the transaction itself
   * wrote more than one statement of them: the caller re-reads only the rows it names.
   */
  async exact(manager: EntityManager, projectId: string): Promise<{ kept: KeptNetwork; xid: string } | undefined> {
    const kept = this.networks.get(projectId);
    if (!kept?.snapshot || Date.now() - kept.readAt > EXACT_FOR_MS || kept.absorbed.length >= ABSORBED_MAX) {
      return undefined;
    }
    const [row]: { xid: string; stale: boolean; own: number }[] = await preparedQuery(
      manager,
      `SELECT pg_current_xact_id()::text AS xid,
              EXISTS (SELECT 1 FROM plan_changes c
                       WHERE c.project_id = $1 AND c.xid >= pg_snapshot_xmin($2::pg_snapshot)::text::bigint
                         AND NOT pg_visible_in_snapshot(c.xid::text::xid8, $2::pg_snapshot)
                         AND c.xid <> ALL($3::bigint[]) AND c.xid <> pg_current_xact_id()::text::bigint) AS stale,
              (SELECT count(*)::int FROM plan_changes c
                WHERE c.project_id = $1 AND c.xid = pg_current_xact_id()::text::bigint) AS own`,
      [projectId, kept.snapshot, kept.absorbed],
    );
    return row.stale || row.own > 1 ? undefined : { kept, xid: row.xid };
  }

  /**
   * Keeps `network` (what `from` became through transaction `xid`'s writes) once that
   * transaction commits, if `from` is still the kept one then; nothing if it rolls back.
   */
  keepOnCommit(
    manager: EntityManager,
    projectId: string,
    from: KeptNetwork,
    xid: string,
    network: ProjectNetwork,
  ): void {
    const runner = manager.queryRunner;
    if (!runner) return;
    const after = { ...from, network, absorbed: [...from.absorbed, xid] };
    if (network.links !== from.network.links) after.links = undefined;
    if (!samePositions(network.tasks, from.network.tasks)) after.taskAt = undefined;
    const pending = this.onCommit.get(runner) ?? [];
    pending.push(() => {
      if (this.networks.get(projectId) === from) this.networks.set(projectId, after);
    });
    this.onCommit.set(runner, pending);
  }

  /** TypeORM's hook: what waited for this transaction's commit is kept (not for a savepoint's release). */
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const pending = this.onCommit.get(event.queryRunner);
    if (!pending || event.queryRunner.isTransactionActive) return;
    this.onCommit.delete(event.queryRunner);
    for (const keep of pending) keep();
  }

  /** TypeORM's hook: a rollback (of the transaction or of a savepoint in it) drops what waited for the commit. */
  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.onCommit.delete(event.queryRunner);
  }

  /**
   * The snapshot `manager`'s transaction reads in, when it is a read-only REPEATABLE READ one (as
   * networks.read): what it read is then exactly what that snapshot shows, none of it its own.
   */
  async snapshotOf(manager: EntityManager): Promise<string | undefined> {
    const [row]: { snapshot: string; isolation: string; readOnly: string }[] = await manager.query(
      `SELECT pg_current_snapshot()::text AS snapshot, current_setting('transaction_isolation') AS isolation,
              current_setting('transaction_read_only') AS "readOnly"`,
    );
    return row.isolation === 'repeatable read' && row.readOnly === 'on' ? row.snapshot : undefined;
  }

  /** Removes rows of plan_changes no kept network can need any more (see EXACT_FOR_MS). */
  async prune(): Promise<void> {
    await this.dataSource
      ?.query(`DELETE FROM plan_changes WHERE at < now() - interval '${PLAN_CHANGES_KEPT}'`)
      .catch((error: Error) => this.logger.warn(`plan_changes not pruned: ${error.message}`));
  }

  /** Counts tasks moved in a project (see fresh). */
  moved(projectId: string, count: number): void {
    if (this.networks.has(projectId)) this.movedSince.set(projectId, (this.movedSince.get(projectId) ?? 0) + count);
  }

  /** Keeps `network`, read in a read-only snapshot (see the class), `snapshot` that one (see exact). */
  keep(projectId: string, network: ProjectNetwork, snapshot?: string): void {
    this.networks.delete(projectId);
    this.networks.set(projectId, { network, snapshot, absorbed: [], readAt: Date.now() });
    this.movedSince.delete(projectId);
    while (this.networks.size > CAPACITY) {
      const oldest = this.networks.keys().next().value as string;
      this.networks.delete(oldest);
      this.movedSince.delete(oldest);
    }
  }

  /** Brings the kept network of a project up to date a moment from now (once, however many ask). */
  refreshLater(projectId: string): void {
    if (this.closing || this.pending.has(projectId) || !this.networks.has(projectId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(projectId);
      const kept = this.networks.get(projectId);
      if (!kept || this.closing) return;
      const refresh = this.network
        .read(async (manager) => ({
          fresh: await this.network.reload(manager, kept.network, { tasks: true, links: true }),
          snapshot: await this.snapshotOf(manager),
        }))
        // Kept only if nobody kept a newer one meanwhile.
        .then(({ fresh, snapshot }) => this.networks.get(projectId) === kept && this.keep(projectId, fresh, snapshot))
        .catch((error: Error) => this.logger.warn(`network of ${projectId} not refreshed: ${error.message}`))
        .finally(() => this.running.delete(refresh));
      this.running.add(refresh);
    }, REFRESH_AFTER_MS);
    timer.unref();
    this.pending.set(projectId, timer);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.pruning) clearInterval(this.pruning);
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    await Promise.allSettled([...this.running]);
  }
}
