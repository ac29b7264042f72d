import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ProjectNetwork } from './project-network';
import { ProjectNetworkService } from './project-network.service';

/** How many projects' networks are kept (the schedule cache keeps as many). */
const CAPACITY = 4;
/** Tasks moved since a network was kept from which it is no longer used (see KeptNetworks.fresh). */
const STALE_FROM = 1000;
/** How long after an edit that used a kept network it is brought up to date (after its commit). */
const REFRESH_AFTER_MS = 300;

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
 */
@Injectable()
export class KeptNetworks implements OnApplicationShutdown {
  private readonly logger = new Logger(KeptNetworks.name);
  private readonly networks = new Map<string, ProjectNetwork>();
  /** Tasks this api moved in a project since its network was kept: past STALE_FROM, reading the changes costs more than it saves. */
  private readonly movedSince = new Map<string, number>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Set<Promise<unknown>>();
  private closing = false;

  constructor(private readonly network: ProjectNetworkService) {}

  /**
   * The network kept for a project unless this api has moved many of its tasks since (a reload
   * brings it to a snapshot by reading what changed; writes of other apis are not counted).
   */
  fresh(projectId: string): ProjectNetwork | undefined {
    return (this.movedSince.get(projectId) ?? 0) < STALE_FROM ? this.networks.get(projectId) : undefined;
  }

  /** The network kept for a project, whatever its age. */
  latest(projectId: string): ProjectNetwork | undefined {
    return this.networks.get(projectId);
  }

  /** Counts tasks moved in a project (see fresh). */
  moved(projectId: string, count: number): void {
    if (this.networks.has(projectId)) this.movedSince.set(projectId, (this.movedSince.get(projectId) ?? 0) + count);
  }

  /** Keeps `network`, read in a read-only snapshot (see the class). */
  keep(projectId: string, network: ProjectNetwork): void {
    this.networks.delete(projectId);
    this.networks.set(projectId, network);
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
        .read((manager) => this.network.reload(manager, kept, { tasks: true, links: true }))
        // Kept only if nobody kept a newer one meanwhile.
        .then((fresh) => this.networks.get(projectId) === kept && this.keep(projectId, fresh))
        .catch((error: Error) => this.logger.warn(`network of ${projectId} not refreshed: ${error.message}`))
        .finally(() => this.running.delete(refresh));
      this.running.add(refresh);
    }, REFRESH_AFTER_MS);
    timer.unref();
    this.pending.set(projectId, timer);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    await Promise.allSettled([...this.running]);
  }
}
