import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { INCIDENT_KINDS, IncidentSeverity } from '@worksite/shared-domain';
import { ApiFailure } from '@worksite/web-core-data-access';
import { LocationRef, ReferenceData } from '@worksite/web-planning-data-access';
import { IncidentsApi } from '../data/incidents-api';
import { LocationPickerComponent } from './location-picker.component';
import { buildReportForm, reportRequest } from './report-form';

/**
 * Report an incident (coordinators): who called, when, where (compound → building → unit),
 * what, how bad and which kind. Opening it makes the rush tasks and calls the crews out on the
 * server; the board opens next.
 */
@Component({
  selector: 'ws-report-incident-page',
  imports: [ReactiveFormsModule, TranslatePipe, RouterLink, LocationPickerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './report-page.component.html',
  styleUrls: ['../incident-forms.css', './report-page.component.css'],
})
export class ReportIncidentPage implements OnInit {
  private readonly api = inject(IncidentsApi);
  private readonly router = inject(Router);
  private readonly referenceData = inject(ReferenceData);
  protected readonly kinds = INCIDENT_KINDS;
  protected readonly severities = Object.values(IncidentSeverity);
  protected readonly form = buildReportForm(inject(NonNullableFormBuilder), Date.now());
  protected readonly locations = signal<ReadonlyMap<string, LocationRef>>(new Map());
  protected readonly locationId = signal<string | null>(null);
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly missingLocation = computed(() => this.submitted() && !this.locationId());

  ngOnInit(): void {
    this.referenceData.load().then(
      (refs) => this.locations.set(refs.locations),
      (error: unknown) => this.loadError.set((error as Error).message),
    );
  }

  protected invalid(name: keyof typeof this.form.controls): boolean {
    const control = this.form.controls[name];
    return control.invalid && (control.touched || this.submitted());
  }

  /** The server's problems with one field (400 `problems`). */
  protected problemsOf(field: string): string[] {
    return (this.failure()?.problems ?? []).filter((p) => p.field === field).flatMap((p) => p.messages);
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    this.form.markAllAsTouched();
    const locationId = this.locationId();
    if (this.form.invalid || !locationId || this.saving()) return;
    this.saving.set(true);
    this.failure.set(null);
    try {
      const request = reportRequest(this.form.getRawValue(), locationId, this.form.controls.reportedAt.dirty);
      const incident = await this.api.open(request);
      await this.router.navigate(['/incidents', incident.id]);
    } catch (error) {
      this.failure.set(error as ApiFailure);
    } finally {
      this.saving.set(false);
    }
  }
}
