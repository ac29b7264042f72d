import { computed, inject, Injectable, signal } from '@angular/core';
import { LocationKind, ProjectDto } from '@worksite/shared-domain';
import { DEFAULT_LOOK_AHEAD_WEEKS, MakeReadyConstraintDto } from '@worksite/shared-make-ready';
import { localDateOf } from '@worksite/shared-util-time';
import { ApiFailure } from '@worksite/web-core-data-access';
import { ConstraintClearing, LookAheadDto, lookAheadWeeks, MakeReadyApi } from '@worksite/web-make-ready-data-access';
import { locationPath, PlanningApi, ReferenceData, ReferenceMaps } from '@worksite/web-planning-data-access';

/** The look-ahead's filters: a window of 2..6 weeks from today, a department, a crew, a place. */
export interface LookAheadFilters {
  weeks: number;
  departmentId: string;
  crewId: string;
  locationId: string;
}

/** The look-ahead page's state: the project, its names, the chosen window and filters, the rows. */
@Injectable()
export class LookAheadStore {
  private readonly api = inject(MakeReadyApi);
  private readonly planning = inject(PlanningApi);
  private readonly referenceData = inject(ReferenceData);
  private seq = 0;

  readonly projectId = signal<string | null>(null);
  readonly project = signal<ProjectDto | null>(null);
  readonly refs = signal<ReferenceMaps | null>(null);
  readonly filters = signal<LookAheadFilters>({
    weeks: DEFAULT_LOOK_AHEAD_WEEKS,
    departmentId: '',
    crewId: '',
    locationId: '',
  });
  readonly data = signal<LookAheadDto | null>(null);
  readonly loading = signal(false);
  readonly error = signal<ApiFailure | null>(null);
  readonly now = signal(Date.now());
  /** Marking a constraint cleared from the list. */
  readonly clearing = new ConstraintClearing(this.api);

  readonly zone = computed(() => this.project()?.timeZone ?? 'Asia/Shanghai');
  readonly today = computed(() => localDateOf(this.now(), this.zone()));
  readonly weeks = computed(() => {
    const data = this.data();
    return data ? lookAheadWeeks(data.rows, data.from, data.weeks, this.zone()) : [];
  });
  readonly departments = computed(() => byLabel([...(this.refs()?.departments.values() ?? [])]));
  /** Crews of the chosen department (all crews without one). */
  readonly crews = computed(() => {
    const department = this.filters().departmentId;
    return byLabel(
      [...(this.refs()?.crews.values() ?? [])].filter((c) => !department || c.departmentId === department),
    );
  });
  /** Compounds and buildings, by their path (a filter covers the place's whole subtree). */
  readonly places = computed(() => {
    const refs = this.refs();
    if (!refs) return [];
    return [...refs.locations.values()]
      .filter((l) => l.kind === LocationKind.Compound || l.kind === LocationKind.Building)
      .map((l) => ({ id: l.id, label: locationPath(refs, l.id) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  });

  async open(projectId: string): Promise<void> {
    this.projectId.set(projectId);
    this.loading.set(true);
    this.error.set(null);
    try {
      const [project, refs] = await Promise.all([this.planning.project(projectId), this.referenceData.load()]);
      this.project.set(project);
      this.refs.set(refs);
    } catch (error) {
      this.error.set(toFailure(error));
      this.loading.set(false);
      return;
    }
    await this.load();
  }

  /** Changes filters and reloads; another department drops a crew that is not its own. */
  async filter(changes: Partial<LookAheadFilters>): Promise<void> {
    this.filters.update((f) => {
      const next = { ...f, ...changes };
      const crew = next.crewId && this.refs()?.crews.get(next.crewId);
      if (next.departmentId && crew && crew.departmentId !== next.departmentId) next.crewId = '';
      return next;
    });
    await this.load();
  }

  /**
   * Marks a constraint cleared from the list (a make-ready meeting goes down it), with the version
   * read; the list is read again either way (a refusal is said: someone else cleared it first).
   */
  async clear(constraint: MakeReadyConstraintDto): Promise<void> {
    await this.clearing.clear(constraint);
    await this.load();
  }

  async load(): Promise<void> {
    const projectId = this.projectId();
    if (!projectId) return;
    const seq = ++this.seq;
    const f = this.filters();
    this.loading.set(true);
    try {
      const data = await this.api.lookAhead(projectId, {
        weeks: f.weeks,
        from: this.today(),
        departmentId: f.departmentId || null,
        crewId: f.crewId || null,
        locationId: f.locationId || null,
      });
      if (seq !== this.seq) return;
      this.data.set(data);
      this.error.set(null);
    } catch (error) {
      if (seq === this.seq) this.error.set(toFailure(error));
    } finally {
      if (seq === this.seq) this.loading.set(false);
    }
  }
}

/** Choices of a filter: id and name, by name. */
function byLabel(items: { id: string; name: string }[]): { id: string; label: string }[] {
  return items.map((i) => ({ id: i.id, label: i.name })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

function toFailure(error: unknown): ApiFailure {
  return error instanceof ApiFailure ? error : new ApiFailure(0, 'error', String(error));
}
