import { computed, inject, Injectable, signal } from '@angular/core';
import { ProjectDto, ProjectScheduleDto, TaskChainDto } from '@worksite/shared-domain';
import { ApiFailure } from '@worksite/web-core-data-access';
import { PlanningApi, ReferenceData, ReferenceMaps } from '@worksite/web-planning-data-access';
import { agencyRows } from './agency-rows';

/** A chain being loaded or shown under one task. */
export interface ChainState {
  loading: boolean;
  chain: TaskChainDto | null;
  error: ApiFailure | null;
}

/** The agency view's state: the department's projects, one project's schedule, opened chains. */
@Injectable()
export class AgencyStore {
  private readonly api = inject(PlanningApi);
  private readonly referenceData = inject(ReferenceData);
  private loadSeq = 0;

  readonly departmentId = signal<string | null>(null);
  readonly projects = signal<ProjectDto[]>([]);
  readonly projectId = signal<string | null>(null);
  readonly schedule = signal<ProjectScheduleDto | null>(null);
  readonly refs = signal<ReferenceMaps | null>(null);
  readonly loading = signal(false);
  readonly error = signal<ApiFailure | null>(null);
  readonly openOnly = signal(true);
  readonly chains = signal<ReadonlyMap<string, ChainState>>(new Map());

  readonly department = computed(() => {
    const id = this.departmentId();
    return (id && this.refs()?.departments.get(id)) || null;
  });
  readonly departments = computed(() =>
    [...(this.refs()?.departments.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  );
  readonly zone = computed(() => this.schedule()?.project.timeZone ?? 'Asia/Shanghai');
  readonly rows = computed(() => {
    const schedule = this.schedule();
    const refs = this.refs();
    const departmentId = this.departmentId();
    return schedule && refs && departmentId
      ? agencyRows(schedule, refs, departmentId, { openOnly: this.openOnly() })
      : [];
  });

  /** Loads the projects the user can see and the first one's schedule. */
  async start(departmentId: string | null): Promise<void> {
    this.departmentId.set(departmentId);
    this.loading.set(true);
    this.error.set(null);
    try {
      const [projects, refs] = await Promise.all([this.api.projects(), this.referenceData.load()]);
      this.projects.set(projects);
      this.refs.set(refs);
      if (projects.length > 0) await this.openProject(projects[0].id);
    } catch (error) {
      this.error.set(error as ApiFailure);
    } finally {
      this.loading.set(false);
    }
  }

  async openProject(projectId: string): Promise<void> {
    const seq = ++this.loadSeq;
    this.projectId.set(projectId);
    this.chains.set(new Map());
    this.error.set(null);
    try {
      const schedule = await this.api.schedule(projectId);
      if (seq === this.loadSeq) this.schedule.set(schedule);
    } catch (error) {
      if (seq === this.loadSeq) this.error.set(error as ApiFailure);
    }
  }

  /** Shows (loading it the first time) or hides a task's whole chain. */
  async toggleChain(taskId: string): Promise<void> {
    if (this.chains().has(taskId)) {
      this.updateChain(taskId, null);
      return;
    }
    this.updateChain(taskId, { loading: true, chain: null, error: null });
    try {
      const chain = await this.api.chain(taskId);
      this.updateChain(taskId, { loading: false, chain, error: null }, true);
    } catch (error) {
      this.updateChain(taskId, { loading: false, chain: null, error: error as ApiFailure }, true);
    }
  }

  private updateChain(taskId: string, state: ChainState | null, onlyIfOpen = false): void {
    this.chains.update((chains) => {
      if (onlyIfOpen && !chains.has(taskId)) return chains;
      const next = new Map(chains);
      if (state) next.set(taskId, state);
      else next.delete(taskId);
      return next;
    });
  }
}
