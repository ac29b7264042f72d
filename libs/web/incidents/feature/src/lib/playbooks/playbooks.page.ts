import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { INCIDENT_KINDS, IncidentKind, PlaybookDto, Role } from '@worksite/shared-domain';
import { SessionStore } from '@worksite/web-auth-data-access';
import { ApiFailure } from '@worksite/web-core-data-access';
import { DepartmentRef, ReferenceData } from '@worksite/web-planning-data-access';
import { IncidentsApi } from '../data/incidents-api';
import {
  draftProblems,
  emptyPlaybook,
  emptyStep,
  moveStep,
  PlaybookDraft,
  playbookDraft,
  playbookRequest,
  removeStep,
  StepDraft,
} from './playbook-draft';
import { PlaybookViewComponent } from './playbook-view.component';
import { StepEditorComponent } from './step-editor.component';

/**
 * The playbook of each kind of incident: the departments called in, the steps in order with
 * what they wait for, usual durations ("2h", "2小时"), materials, tools and safety notes.
 * Administrators edit; coordinators and viewers read.
 */
@Component({
  selector: 'ws-playbooks-page',
  imports: [RouterLink, TranslatePipe, StepEditorComponent, PlaybookViewComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './playbooks-page.component.html',
  styleUrls: ['../incident-forms.css', './playbooks.page.css'],
})
export class PlaybooksPage implements OnInit {
  private readonly api = inject(IncidentsApi);
  private readonly referenceData = inject(ReferenceData);
  private readonly translate = inject(TranslateService);
  private readonly session = inject(SessionStore);
  protected readonly kinds = INCIDENT_KINDS;
  protected readonly kind = signal<IncidentKind>(IncidentKind.CableFire);
  protected readonly playbooks = signal<PlaybookDto[]>([]);
  protected readonly departments = signal<DepartmentRef[]>([]);
  protected readonly draft = signal<PlaybookDraft | null>(null);
  protected readonly loadError = signal<ApiFailure | null>(null);
  protected readonly saveError = signal<ApiFailure | null>(null);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly tried = signal(false);
  protected readonly readonly = computed(() => this.session.role() !== Role.Admin);
  protected readonly problems = computed(() => {
    const draft = this.draft();
    return draft ? draftProblems(draft) : {};
  });

  async ngOnInit(): Promise<void> {
    try {
      const [playbooks, refs] = await Promise.all([this.api.playbooks(), this.referenceData.load()]);
      this.playbooks.set(playbooks);
      const collator = new Intl.Collator('zh-CN');
      this.departments.set([...refs.departments.values()].sort((a, b) => collator.compare(a.name, b.name)));
      this.show(this.kind());
    } catch (error) {
      this.loadError.set(error as ApiFailure);
    }
  }

  protected show(kind: IncidentKind): void {
    this.kind.set(kind);
    this.tried.set(false);
    this.saveError.set(null);
    this.saved.set(false);
    const playbook = this.playbooks().find((p) => p.kind === kind);
    this.draft.set(playbook ? playbookDraft(playbook, this.lang()) : emptyPlaybook(kind));
  }

  protected hasPlaybook(kind: IncidentKind): boolean {
    return this.playbooks().some((p) => p.kind === kind);
  }

  protected setField(field: 'name' | 'paperworkDepartmentId' | 'safetyNotes', value: string): void {
    this.update((draft) => ({ ...draft, [field]: value }));
  }

  protected toggleDepartment(id: string): void {
    this.update((draft) => ({
      ...draft,
      departmentIds: draft.departmentIds.includes(id)
        ? draft.departmentIds.filter((d) => d !== id)
        : [...draft.departmentIds, id],
    }));
  }

  protected setStep(index: number, step: StepDraft): void {
    this.update((draft) => ({ ...draft, steps: draft.steps.map((s, at) => (at === index ? step : s)) }));
  }

  protected addStep(): void {
    this.update((draft) => ({ ...draft, steps: [...draft.steps, emptyStep(draft.steps)] }));
  }

  protected move(index: number, delta: number): void {
    this.update((draft) => moveStep(draft, index, delta));
  }

  protected remove(index: number): void {
    this.update((draft) => removeStep(draft, index));
  }

  protected othersOf(step: StepDraft): StepDraft[] {
    return (this.draft()?.steps ?? []).filter((s) => s.key !== step.key);
  }

  protected async save(): Promise<void> {
    const draft = this.draft();
    this.tried.set(true);
    if (!draft || Object.keys(this.problems()).length || this.saving()) return;
    this.saving.set(true);
    this.saveError.set(null);
    try {
      const request = playbookRequest(draft);
      const saved = draft.id
        ? await this.api.updatePlaybook(draft.id, draft.version, request)
        : await this.api.createPlaybook(request);
      this.playbooks.update((list) => [...list.filter((p) => p.id !== saved.id), saved]);
      this.draft.set(playbookDraft(saved, this.lang()));
      this.tried.set(false);
      this.saved.set(true);
    } catch (error) {
      this.saveError.set(error as ApiFailure);
    } finally {
      this.saving.set(false);
    }
  }

  private update(change: (draft: PlaybookDraft) => PlaybookDraft): void {
    const draft = this.draft();
    if (!draft) return;
    this.saved.set(false);
    this.draft.set(change(draft));
  }

  private lang(): string {
    return this.translate.getCurrentLang() || 'zh-CN';
  }
}
