import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { DEFAULT_LOOK_AHEAD_WEEKS } from '@worksite/shared-make-ready';
import { localDateOf } from '@worksite/shared-util-time';
import { AgencyBlocksDto, MakeReadyApi } from '@worksite/web-make-ready-data-access';
import { ConstraintLineComponent } from '@worksite/web-make-ready-feature';
import { ZonedRangePipe } from '@worksite/web-shared-ui';

/**
 * "什么在阻碍我的任务": the department's coming tasks that have open make-ready constraints on
 * themselves or upstream (predecessors, transitively), each constraint with its owner and due date.
 */
@Component({
  selector: 'ws-agency-blocks',
  imports: [TranslatePipe, ConstraintLineComponent, ZonedRangePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="agency-blocks-title" data-testid="agency-blocks">
      <h2 id="agency-blocks-title">{{ 'makeReady.blocks.title' | translate }}</h2>
      <p class="hint">{{ 'makeReady.blocks.hint' | translate: { weeks } }}</p>
      @if (error(); as error) {
        <p role="alert" class="ws-error">{{ 'common.loadFailed' | translate }}: {{ error }}</p>
      } @else if (blocks(); as blocks) {
        @for (row of blocks.rows; track row.task.id) {
          <article data-testid="agency-blocked-task" [attr.data-task-id]="row.task.id">
            <div class="task">
              <span class="code">#{{ row.task.code }}</span>
              <strong>{{ row.task.name }}</strong>
              <span class="when">{{ row.task.plannedStart | wsRange: row.task.plannedFinish : zone }}</span>
            </div>
            <ul>
              @for (b of row.blockers; track b.constraint.id) {
                <li data-testid="agency-blocker">
                  <ws-constraint-line [constraint]="b.constraint" [today]="today" [zone]="zone" />
                  <span class="on">
                    @if (b.onTask.id === row.task.id) {
                      {{ 'makeReady.blocks.own' | translate }}
                    } @else {
                      {{ 'makeReady.blocks.onTask' | translate }} #{{ b.onTask.code }} {{ b.onTask.name }}
                    }
                  </span>
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
    .task {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 0.6rem;
      align-items: baseline;
    }
    .code,
    .when,
    .on {
      color: #616e7c;
      font-size: 0.85rem;
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
  private seq = 0;

  constructor() {
    effect(() => {
      const departmentId = this.departmentId();
      untracked(() => void this.load(departmentId));
    });
  }

  private async load(departmentId: string | null): Promise<void> {
    const seq = ++this.seq;
    this.blocks.set(null);
    this.error.set(null);
    try {
      const blocks = await this.api.agencyBlocks(this.weeks, departmentId);
      if (seq === this.seq) this.blocks.set(blocks);
    } catch (error) {
      if (seq === this.seq) this.error.set(error instanceof Error ? error.message : String(error));
    }
  }
}
