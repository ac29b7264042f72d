import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ConflictDecisionAction, ConflictDto, countsAsOpen } from '@worksite/shared-domain';
import { ConflictDecisionFormComponent } from './conflict-decision-form.component';
import { ConflictDecisionLineComponent } from './conflict-decision-line.component';
import { ConflictHistoryComponent } from './conflict-history.component';
import { ConflictDecisionEvent, ConflictFilter, ConflictTriageView, NO_TRIAGE } from './conflict-triage.types';
import { ZonedRangePipe } from './zoned-range.pipe';

/** What a clash's label says: its state, "reopened" for an open clash that had been decided. */
function stateLabel(c: ConflictDto): string {
  const state = c.state ?? 'open';
  return state === 'open' && c.decision?.action === 'reopen' ? 'reopened' : state;
}

/** The decisions offered for a clash in its state. */
function actionsFor(c: ConflictDto): ConflictDecisionAction[] {
  switch (c.state ?? 'open') {
    case 'open':
      return ['accept', 'resolve', 'escalate'];
    case 'escalated':
      return ['accept', 'resolve', 'reopen'];
    default:
      return ['reopen'];
  }
}

/**
 * The clashes of the plan as a list, each with its state (open, accepted, resolved,
 * escalated, reopened) and its latest decision; accepted and resolved ones stay listed,
 * greyed. Choosing one shows its first task on the chart; planners decide from here (the
 * page sends the decision) and anyone can open a clash's history.
 */
@Component({
  selector: 'ws-conflict-list',
  imports: [
    TranslatePipe,
    ZonedRangePipe,
    ConflictDecisionFormComponent,
    ConflictDecisionLineComponent,
    ConflictHistoryComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (failure(); as failure) {
      <p class="ws-error" role="alert">{{ 'conflicts.unavailable' | translate }}: {{ failure }}</p>
    } @else if (conflicts().length === 0) {
      <p>{{ 'conflicts.none' | translate }}</p>
    } @else {
      @let v = view();
      <label class="filter">
        {{ 'conflicts.filter.label' | translate }}
        <select data-testid="conflict-filter" (change)="filter.set($any($event.target).value)">
          @for (f of filters; track f) {
            <option [value]="f" [selected]="f === filter()">
              {{ 'conflicts.filter.' + f | translate }} ({{ counts()[f] }})
            </option>
          }
        </select>
      </label>
      <ul>
        @for (c of shown(); track c.key) {
          @let label = stateOf(c);
          <li data-testid="conflict" [attr.data-key]="c.key" [attr.data-state]="label" [class.settled]="!counting(c)">
            <button type="button" class="pick" (click)="pick.emit(c)">
              <strong>{{ 'conflicts.kind.' + c.kind | translate }}</strong>
              <span class="when">{{ c.start | wsRange: c.finish : zone() }}</span>
              <span>{{ c.taskTitles.join('、') }}</span>
              @if (c.locationName) {
                <span class="where">{{ c.locationName }}</span>
              }
              @if (c.crewName) {
                <span class="where">{{ c.crewName }}</span>
              }
              @if (c.announcementTiming) {
                <span class="where">{{ 'announcements.timing.' + c.announcementTiming | translate }}</span>
              }
            </button>
            <div class="decision">
              <span class="state" [class]="'state ' + label" data-testid="conflict-state">
                {{ 'conflicts.state.' + label | translate }}
              </span>
              @if (c.decision; as decision) {
                <ws-conflict-decision-line
                  [decision]="decision"
                  [zone]="zone()"
                  [titles]="titlesOf(c)"
                  [showAction]="false"
                />
              }
              <span class="tools">
                @if (v.canDecide) {
                  @for (action of actionsOf(c); track action) {
                    <button
                      type="button"
                      [attr.data-testid]="'conflict-' + action"
                      [attr.aria-expanded]="isEditing(c, action)"
                      (click)="openForm(c, action)"
                    >
                      {{ 'conflicts.action.' + action | translate }}
                    </button>
                  }
                }
                <button
                  type="button"
                  class="link"
                  data-testid="conflict-history-toggle"
                  [attr.aria-expanded]="historiesOpen().has(c.key)"
                  (click)="toggleHistory(c)"
                >
                  {{ 'conflicts.history.title' | translate }}
                </button>
              </span>
            </div>
            @if (editingAction(c); as action) {
              <ws-conflict-decision-form
                [conflict]="c"
                [action]="action"
                [zone]="zone()"
                [assignees]="v.assignees"
                [edits]="v.edits.get(c.key) ?? []"
                [busy]="v.busyKey === c.key"
                [failure]="v.failure?.key === c.key ? v.failure!.message : null"
                (decided)="decide.emit($event)"
                (cancelled)="editing.set(null)"
              />
            }
            @if (historiesOpen().has(c.key)) {
              <ws-conflict-history
                class="history"
                [entries]="v.histories.get(c.key) ?? null"
                [zone]="zone()"
                [titles]="titlesOf(c)"
              />
            }
          </li>
        } @empty {
          <li class="empty">{{ 'conflicts.filter.nothing' | translate }}</li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
      overflow-y: auto;
    }
    .filter {
      display: flex;
      gap: 0.4rem;
      align-items: center;
      padding: 0.3rem 0.6rem;
      font-size: 0.85rem;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      padding-bottom: 0.3rem;
    }
    li + li {
      border-top: 1px solid #f0f2f5;
    }
    li.settled {
      color: #7b8794;
      background: #fafbfc;
    }
    li.settled strong {
      color: #7b8794;
    }
    .pick {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 0.6rem;
      width: 100%;
      padding: 0.4rem 0.6rem 0.1rem;
      text-align: left;
      font: inherit;
      font-size: 0.85rem;
      color: inherit;
      background: none;
      border: 0;
    }
    .pick:hover {
      background: #fff5f5;
    }
    strong {
      color: #c92a2a;
    }
    .when,
    .where {
      color: #52606d;
    }
    .decision {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem 0.5rem;
      align-items: baseline;
      padding: 0.1rem 0.6rem;
      font-size: 0.8rem;
    }
    .tools {
      display: flex;
      gap: 0.3rem;
      margin-left: auto;
    }
    .tools button {
      font: inherit;
      padding: 0 0.5rem;
    }
    .tools .link {
      border: 0;
      background: none;
      color: #1f6feb;
      text-decoration: underline;
    }
    .history {
      display: block;
      padding: 0 0.6rem;
    }
    .state {
      padding: 0 0.4rem;
      border-radius: 0.6rem;
      font-size: 0.75rem;
      background: #ffe3e3;
      color: #8a1c1c;
    }
    .state.accepted,
    .state.resolved {
      background: #e4e7eb;
      color: #3e4c59;
    }
    .state.escalated {
      background: #fff3bf;
      color: #7c5e10;
    }
    .empty {
      padding: 0.4rem 0.6rem;
      font-size: 0.85rem;
    }
  `,
})
export class ConflictListComponent {
  readonly conflicts = input.required<readonly ConflictDto[]>();
  readonly zone = input.required<string>();
  /** Set when the conflicts could not be loaded. */
  readonly failure = input<string | null>(null);
  /** Decisions: who may decide, histories, escalation targets, edits, progress. */
  readonly view = input<ConflictTriageView>(NO_TRIAGE);
  readonly pick = output<ConflictDto>();
  readonly decide = output<ConflictDecisionEvent>();
  /** A decision form opened (the page loads what it offers: people to escalate to, edits). */
  readonly formOpen = output<{ conflict: ConflictDto; action: ConflictDecisionAction }>();
  readonly historyRequest = output<ConflictDto>();

  protected readonly filters: ConflictFilter[] = ['all', 'open', 'settled'];
  protected readonly filter = signal<ConflictFilter>('all');
  /** The open form: its clash, action and the decision it was opened on (a new decision closes it). */
  protected readonly editing = signal<{
    key: string;
    action: ConflictDecisionAction;
    decisionId: string | null;
  } | null>(null);
  protected readonly historiesOpen = signal<ReadonlySet<string>>(new Set());
  protected readonly counts = computed(() => {
    const open = this.conflicts().filter((c) => countsAsOpen(c.state)).length;
    return { all: this.conflicts().length, open, settled: this.conflicts().length - open };
  });
  protected readonly shown = computed(() => {
    const filter = this.filter();
    if (filter === 'all') return this.conflicts();
    return this.conflicts().filter((c) => countsAsOpen(c.state) === (filter === 'open'));
  });

  protected readonly stateOf = stateLabel;
  protected readonly actionsOf = actionsFor;
  protected readonly counting = (c: ConflictDto) => countsAsOpen(c.state);

  protected titlesOf(c: ConflictDto): ReadonlyMap<string, string> {
    return new Map(c.taskIds.map((id, i) => [id, c.taskTitles[i] ?? id]));
  }

  protected isEditing(c: ConflictDto, action: ConflictDecisionAction): boolean {
    return this.editingAction(c) === action;
  }

  protected editingAction(c: ConflictDto): ConflictDecisionAction | null {
    const open = this.editing();
    return open && open.key === c.key && open.decisionId === (c.decision?.id ?? null) ? open.action : null;
  }

  protected openForm(c: ConflictDto, action: ConflictDecisionAction): void {
    if (this.isEditing(c, action)) {
      this.editing.set(null);
      return;
    }
    this.editing.set({ key: c.key, action, decisionId: c.decision?.id ?? null });
    this.formOpen.emit({ conflict: c, action });
  }

  protected toggleHistory(c: ConflictDto): void {
    const next = new Set(this.historiesOpen());
    if (next.delete(c.key)) {
      this.historiesOpen.set(next);
      return;
    }
    this.historiesOpen.set(next.add(c.key));
    this.historyRequest.emit(c);
  }
}
