import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { CreateIncidentRequest, IncidentKind, IncidentSeverity } from '@worksite/shared-domain';
import { instantOf, localDateOf, localTimeOf } from '@worksite/shared-util-time';

/** The zone the report's "when" is typed in: the community's (Shenyang). */
export const REPORT_ZONE = 'Asia/Shanghai';

/** `YYYY-MM-DDTHH:mm` of an instant in `zone`, for a datetime-local input. */
export function wallClock(instant: number, zone: string): string {
  return `${localDateOf(instant, zone)}T${localTimeOf(instant, zone)}`;
}

export type ReportForm = ReturnType<typeof buildReportForm>;

/** The report form: who called, when (now unless changed), what, how bad, which kind. */
export function buildReportForm(fb: NonNullableFormBuilder, now: number) {
  return fb.group({
    kind: fb.control<IncidentKind>(IncidentKind.CableFire, Validators.required),
    severity: fb.control<IncidentSeverity>(IncidentSeverity.Major, Validators.required),
    title: fb.control('', [Validators.required, Validators.maxLength(200)]),
    description: fb.control('', Validators.maxLength(5000)),
    callerName: fb.control('', [Validators.required, Validators.maxLength(100)]),
    callerPhone: fb.control('', [Validators.maxLength(40)]),
    reportedAt: fb.control(wallClock(now, REPORT_ZONE), Validators.required),
    accessNotes: fb.control('', Validators.maxLength(2000)),
  });
}

/**
 * The request of a filled form. An untouched "when" is left to the server (its now, at the
 * moment of opening); a changed one is read in the community's zone.
 */
export function reportRequest(
  value: ReturnType<ReportForm['getRawValue']>,
  locationId: string,
  whenChanged: boolean,
): CreateIncidentRequest {
  const [date, time] = value.reportedAt.split('T');
  return {
    kind: value.kind,
    severity: value.severity,
    title: value.title.trim(),
    description: value.description.trim() || undefined,
    callerName: value.callerName.trim(),
    callerPhone: value.callerPhone.trim() || undefined,
    reportedAt: whenChanged && date && time ? instantOf(date, time.slice(0, 5), REPORT_ZONE).toISOString() : undefined,
    locationId,
    accessNotes: value.accessNotes.trim() || undefined,
  };
}
