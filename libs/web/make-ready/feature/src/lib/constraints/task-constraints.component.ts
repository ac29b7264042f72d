import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import {
  CONSTRAINT_KINDS,
  ConstraintKind,
  ConstraintOwnerCandidate,
  MakeReadyConstraintDto,
  openCount,
  mayClearConstraint,
} from '@worksite/shared-make-ready';
import { SessionStore } from '@worksite/web-auth-data-access';
import { ConstraintLineComponent } from './constraint-line.component';
import { ownerOf } from './owner-choice';
import { TaskConstraintsStore } from './task-constraints.store';

/**
 * "开工条件 / Make-ready" in the task panel: the task's constraints; planners add, clear,
 * reopen and delete them, a constraint's owner clears and reopens it. No <form> here: the
 * section sits inside the panel's own form.
 */
@Component({
  selector: 'ws-task-constraints',
  imports: [TranslatePipe, ConstraintLineComponent],
  providers: [TaskConstraintsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-constraints.component.html',
  styleUrl: './task-constraints.component.css',
})
export class TaskConstraintsComponent {
  readonly taskId = input.required<string>();
  /** The task's project (whose people may be named owners). */
  readonly projectId = input<string | null>(null);
  /** The user may plan the task's project (adds and deletes; clears anything). */
  readonly mayPlan = input(false);
  readonly today = input.required<string>();
  readonly zone = input('Asia/Shanghai');
  readonly departments = input<readonly { id: string; name: string }[]>([]);
  /** A constraint was added, cleared, reopened or deleted: readiness changed. */
  readonly changed = output<void>();

  protected readonly store = inject(TaskConstraintsStore);
  private readonly session = inject(SessionStore);
  protected readonly kinds = CONSTRAINT_KINDS;
  protected readonly open = computed(() => openCount(this.store.list()));
  protected readonly adding = signal(false);
  protected readonly kind = signal<ConstraintKind>('materials');
  protected readonly owner = signal('');
  protected readonly dueDate = signal('');
  protected readonly description = signal('');

  constructor() {
    effect(() => {
      const id = this.taskId();
      untracked(() => {
        this.adding.set(false);
        this.store.failure.set(null);
        void this.store.load(id);
      });
    });
    effect(() => {
      const projectId = this.projectId();
      if (this.mayPlan() && projectId) untracked(() => void this.store.loadUsers(projectId));
    });
  }

  /** "王建国（电缆一班）", "刘振东（中国电信沈阳分公司）": whom a name stands for. */
  protected ownerLabel(u: ConstraintOwnerCandidate): string {
    const of = u.crews.length ? u.crews.join('、') : u.departmentName;
    return of ? `${u.displayName}（${of}）` : u.displayName;
  }

  protected mayMove(c: MakeReadyConstraintDto): boolean {
    return this.mayPlan() || mayClearConstraint(this.session.user(), c.projectId, c);
  }

  protected startAdding(): void {
    this.kind.set('materials');
    this.owner.set('');
    this.dueDate.set('');
    this.description.set('');
    this.adding.set(true);
  }

  protected async add(): Promise<void> {
    const ok = await this.store.add({
      kind: this.kind(),
      ...ownerOf(this.owner()),
      dueDate: this.dueDate() || undefined,
      description: this.description().trim() || undefined,
    });
    if (!ok) return;
    this.adding.set(false);
    this.changed.emit();
  }

  protected async move(c: MakeReadyConstraintDto): Promise<void> {
    if (await this.store.move(c, c.status === 'open' ? 'clear' : 'reopen')) this.changed.emit();
  }

  protected async remove(c: MakeReadyConstraintDto): Promise<void> {
    if (await this.store.remove(c)) this.changed.emit();
  }
}
