import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { DEFAULT_LOOK_AHEAD_WEEKS, MakeReadyConstraintDto, mayClearConstraint } from '@worksite/shared-make-ready';
import { SessionStore } from '@worksite/web-auth-data-access';
import { localDateOf } from '@worksite/shared-util-time';
import { AgencyBlocksDto, ConstraintClearing, MakeReadyApi } from '@worksite/web-make-ready-data-access';
import { ClearConstraintButtonComponent, ConstraintLineComponent } from '@worksite/web-make-ready-feature';
import { ZonedRangePipe } from '@worksite/web-shared-ui';

/**
 * "什么在阻碍我的任务": the open make-ready constraints on the department's coming tasks or upstream
 * of them (predecessors, transitively), each once with its owner, due date, the task it sits on
 * and the department's tasks it holds back.
 */
@Component({
  selector: 'ws-agency-blocks',
  imports: [TranslatePipe, ConstraintLineComponent, ClearConstraintButtonComponent, ZonedRangePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="agency-blocks-title" data-testid="agency-blocks">
      <h2 id="agency-blocks-title">{{ 'makeReady.blocks.title' | translate }}</h2>
      <p class="hint">{{ 'makeReady.blocks.hint' | translate: { weeks } }}</p>
      @if (clearing.error(); as e) {
        <p role="alert" class="ws-error" data-testid="clear-error">
          {{ 'makeReady.clearFailed' | translate }}{{ 'common.colon' | translate }}{{ e.message }}
        </p>
      }
      @if (error(); as error) {
        <p role="alert" class="ws-error">{{ 'common.loadFailed' | translate }}: {{ error }}</p>
      } @else if (blocks(); as blocks) {
        @for (row of blocks.rows; track row.constraint.id) {
          <article data-testid="agency-blocker" [attr.data-constraint-id]="row.constraint.id">
            <ws-constraint-line [constraint]="row.constraint" [today]="today" [zone]="zone" />
            @if (mayClear(row.constraint)) {
              <ws-clear-constraint
                [constraint]="row.constraint"
                [busy]="clearing.clearing() === row.constraint.id"
                (clear)="clear($event)"
              />
            }
            <div class="on">
              {{ 'makeReady.blocks.onTask' | translate }} <span class="code">#{{ row.onTask.code }}</span>
              {{ row.onTask.name }}
            </div>
            <p class="holds">{{ 'makeReady.blocks.holds' | translate: { count: row.tasks.length } }}</p>
            <ul>
              @for (task of row.tasks; track task.id) {
                <li data-testid="agency-blocked-task" [attr.data-task-id]="task.id">
                  <span class="name"
                    ><span class="code">#{{ task.code }}</span
                    ><strong>{{ task.name }}</strong></span
                  >
                  <span class="when">{{ task.plannedStart | wsRange: task.plannedFinish : zone }}</span>
                  @if (task.id === row.onTask.id) {
                    <span class="own">{{ 'makeReady.blocks.own' | translate }}</span>
                  }
                </li>
              }
            </ul>
          </article>
        } @empty {
          <p class="none">{{ 'makeReady.blocks.none' | translate }}</p>
        }
      } @else {
        <p role="status">{{ 'common.loading' | translate }}</p>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      margin-bottom: 1rem;
    }
    h2 {
      font-size: 1.05rem;
      margin: 0 0 0.2rem;
    }
    .hint,
    .none {
      margin: 0 0 0.5rem;
      color: #52606d;
      font-size: 0.85rem;
    }
    article {
      background: #fff;
      border: 1px solid #e4e7eb;
      border-left: 4px solid #f79009;
      border-radius: 6px;
      padding: 0.5rem 0.7rem;
      margin-bottom: 0.4rem;
    }
    .on,
    .holds {
      margin: 0.15rem 0 0;
    }
    .code,
    .when,
    .on,
    .holds {
      color: #616e7c;
      font-size: 0.85rem;
    }
    .name .code {
      margin-right: 0.4rem;
    }
    .own {
      color: #b54708;
      font-size: 0.8rem;
    }
    ul {
      margin: 0.3rem 0 0;
      padding-left: 1rem;
      display: grid;
      gap: 0.25rem;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.1rem 0.6rem;
      align-items: baseline;
    }
  `,
})
export class AgencyBlocksComponent {
  /** The department to look at; null: the agency user's own (the server decides). */
  readonly departmentId = input<string | null>(null);
  private readonly api = inject(MakeReadyApi);
  protected readonly weeks = DEFAULT_LOOK_AHEAD_WEEKS;
  protected readonly zone = 'Asia/Shanghai';
  protected readonly today = localDateOf(Date.now(), this.zone);
  protected readonly blocks = signal<AgencyBlocksDto | null>(null);
  protected readonly error = signal<string | null>(null);
  /** Marking a constraint cleared from the blocks. */
  protected readonly clearing = new ConstraintClearing(this.api);
  private readonly session = inject(SessionStore);
  private seq = 0;

  constructor() {
    effect(() => {
      const departmentId = this.departmentId();
      untracked(() => void this.load(departmentId));
    });
  }

  /** An agency user of the owner department (or the owner user, a planner) may mark it cleared here. */
  protected mayClear(c: MakeReadyConstraintDto): boolean {
    return mayClearConstraint(this.session.user(), c.projectId, c);
  }

  /** Marks it cleared (with the version read), then reads the blocks again: it is gone from them. */
  protected async clear(c: MakeReadyConstraintDto): Promise<void> {
    await this.clearing.clear(c);
    await this.load(this.departmentId(), false);
  }

  private async load(departmentId: string | null, blank = true): Promise<void> {
    const seq = ++this.seq;
    if (blank) this.blocks.set(null);
    this.error.set(null);
    try {
      const blocks = await this.api.agencyBlocks(this.weeks, departmentId);
      if (seq === this.seq) this.blocks.set(blocks);
    } catch (error) {
      if (seq === this.seq) this.error.set(error instanceof Error ? error.message : String(error));
    }
  }
}
