import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { DepartmentRef } from '@worksite/web-planning-data-access';
import { PlaybookDraft } from './playbook-draft';

/** A playbook to read (coordinators, viewers): who is called in and the steps in order. */
@Component({
  selector: 'ws-playbook-view',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let d = playbook();
    <section class="head" data-testid="playbook-view">
      <h2>{{ d.name }}</h2>
      <dl>
        <dt>{{ 'incidents.playbooks.calledIn' | translate }}</dt>
        <dd>{{ names(d.departmentIds) || '—' }}</dd>
        <dt>{{ 'incidents.playbooks.paperworkDepartment' | translate }}</dt>
        <dd>{{ names([d.paperworkDepartmentId]) || '—' }}</dd>
        @if (d.safetyNotes) {
          <dt>{{ 'incidents.playbooks.safetyNotes' | translate }}</dt>
          <dd class="pre">{{ d.safetyNotes }}</dd>
        }
      </dl>
    </section>
    <ol class="steps">
      @for (step of d.steps; track step.key) {
        <li>
          <header>
            <strong>{{ step.title }}</strong>
            <span>{{ names([step.departmentId]) }}</span>
            <span class="duration">{{ step.duration }}</span>
            @if (step.interruption) {
              <span class="cut">{{ 'interruption.' + step.interruption | translate }}</span>
            }
          </header>
          @if (step.after.length) {
            <p class="after">{{ 'incidents.playbooks.after' | translate }} {{ titles(step.after) }}</p>
          }
          @if (step.content) {
            <p class="pre">{{ step.content }}</p>
          }
          <dl>
            @if (step.materials) {
              <dt>{{ 'incidents.playbooks.materialsShort' | translate }}</dt>
              <dd class="pre">{{ step.materials }}</dd>
            }
            @if (step.tools) {
              <dt>{{ 'incidents.playbooks.toolsShort' | translate }}</dt>
              <dd class="pre">{{ step.tools }}</dd>
            }
            @if (step.safetyNotes) {
              <dt>{{ 'incidents.playbooks.safetyNotes' | translate }}</dt>
              <dd class="pre">{{ step.safetyNotes }}</dd>
            }
          </dl>
        </li>
      }
    </ol>
  `,
  styleUrl: '../incident-facts.css',
  styles: `
    .head,
    .steps li {
      padding: 0.6rem 0.8rem;
      background: #fff;
      border: 1px solid #e4e7eb;
      border-radius: 6px;
    }
    h2 {
      font-size: 1.05rem;
      margin: 0 0 0.4rem;
    }
    .steps {
      margin: 0.6rem 0 0;
      padding-left: 1.6rem;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 0.8rem;
      align-items: baseline;
    }
    header span {
      color: #52606d;
      font-size: 0.9rem;
    }
    .cut {
      padding: 0 0.45em;
      border-radius: 0.6em;
      background: #fff3c4;
      color: #8d2b0b !important;
    }
    p {
      margin: 0.3rem 0;
      font-size: 0.9rem;
    }
    .after {
      color: #52606d;
    }
  `,
})
export class PlaybookViewComponent {
  readonly playbook = input.required<PlaybookDraft>();
  readonly departments = input.required<DepartmentRef[]>();
  private readonly byId = computed(() => new Map(this.departments().map((d) => [d.id, d.name])));

  protected names(ids: string[]): string {
    return ids
      .map((id) => this.byId().get(id))
      .filter((name) => !!name)
      .join('、');
  }

  protected titles(keys: string[]): string {
    const steps = this.playbook().steps;
    return keys.map((key) => steps.find((s) => s.key === key)?.title ?? key).join('、');
  }
}
