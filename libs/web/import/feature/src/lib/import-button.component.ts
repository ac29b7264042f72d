import { NgTemplateOutlet } from '@angular/common';
import { HttpClient, HttpErrorResponse, HttpEvent, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import {
  IMPORT_FIELDS,
  IMPORT_HEADERS,
  ImportField,
  ImportOutcomeDto,
  ImportRejectionDto,
  mappingStorageKey,
  SheetPreviewDto,
  startingMapping,
} from '@worksite/import-domain';
import { FileDownloads, LanguageService } from '@worksite/web-core-data-access';
import { Observable } from 'rxjs';

type Step = 'upload' | 'mapping' | 'report' | 'running' | 'done';

/**
 * 导入 in the Gantt header: an Excel sheet is uploaded, its columns are mapped (a preview of the
 * first rows; the mapping is remembered per project in this browser), a dry run reports every
 * problem by row and column (with the sheet annotated for download) or what would change, and
 * only the confirmation writes, with the upload's progress shown while it runs.
 */
@Component({
  selector: 'ws-import-button',
  imports: [TranslatePipe, NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.escape)': 'close()' },
  templateUrl: './import-button.component.html',
  styleUrl: './import-button.component.css',
})
export class ImportButtonComponent {
  readonly projectId = input.required<string>();
  /** After a successful import: the page reloads its plan. */
  readonly imported = output<ImportOutcomeDto>();

  private readonly http = inject(HttpClient);
  private readonly downloads = inject(FileDownloads);
  private readonly language = inject(LanguageService);

  protected readonly open = signal(false);
  protected readonly step = signal<Step>('upload');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly file = signal<File | null>(null);
  protected readonly preview = signal<SheetPreviewDto | null>(null);
  protected readonly mapping = signal<Record<string, ImportField>>({});
  protected readonly rejection = signal<ImportRejectionDto | null>(null);
  protected readonly outcome = signal<ImportOutcomeDto | null>(null);
  protected readonly deleteMissing = signal(false);
  /** Upload progress 0–100 of the request under way (preview, check, import), then null while the server works. */
  protected readonly progress = signal<number | null>(0);

  protected readonly fields = IMPORT_FIELDS;
  protected readonly fieldLabel = (field: ImportField) => IMPORT_HEADERS[field][this.language.current()];
  protected readonly previewRows = computed(() => this.preview()?.rows.slice(0, 5) ?? []);
  protected readonly mappedOk = computed(() => {
    const used = Object.values(this.mapping());
    return used.includes('code') && used.includes('title');
  });

  protected show(): void {
    this.reset();
    this.open.set(true);
  }

  protected close(): void {
    this.open.set(false);
  }

  protected reset(): void {
    this.step.set('upload');
    this.file.set(null);
    this.preview.set(null);
    this.rejection.set(null);
    this.outcome.set(null);
    this.error.set(null);
    this.deleteMissing.set(false);
  }

  protected async template(): Promise<void> {
    await this.guard(() =>
      this.downloads.save(`projects/${this.projectId()}/import-template.xlsx`, {
        fallbackName: 'import-template.xlsx',
      }),
    );
  }

  protected async choose(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.file.set(file);
    // A large file takes a while to upload: the progress shows under the file input.
    await this.guard(async () => {
      const preview = await this.withProgress(
        this.http.post<SheetPreviewDto>(`/api/projects/${this.projectId()}/import.xlsx`, this.form(file), {
          params: { preview: 'true' },
          reportProgress: true,
          observe: 'events',
        }),
      );
      (event.target as HTMLInputElement).value = '';
      this.preview.set(preview);
      this.mapping.set(startingMapping(preview.headers, this.remembered(), preview.mapping));
      this.step.set('mapping');
    });
  }

  protected setField(header: string, field: string): void {
    const next = { ...this.mapping() };
    // A field maps one column: choosing it here frees it elsewhere.
    for (const [other, value] of Object.entries(next)) if (value === field) delete next[other];
    if (field) next[header] = field as ImportField;
    else delete next[header];
    this.mapping.set(next);
  }

  /** The dry run: every problem, or what would change. */
  protected async check(): Promise<void> {
    localStorage.setItem(mappingStorageKey(this.projectId()), JSON.stringify(this.mapping()));
    await this.guard(async () => {
      this.rejection.set(null);
      this.outcome.set(null);
      try {
        this.outcome.set(await this.withProgress(this.send(true)));
      } catch (error) {
        if (!(error instanceof HttpErrorResponse) || error.status !== 422) throw error;
        this.rejection.set(error.error as ImportRejectionDto);
      }
      this.step.set('report');
    });
  }

  /** The import itself, with the upload's progress. */
  protected async confirm(): Promise<void> {
    this.step.set('running');
    await this.guard(async () => {
      const outcome = await this.withProgress(this.send(false));
      this.outcome.set(outcome);
      this.step.set('done');
      this.imported.emit(outcome);
    }, 'report');
  }

  /** After a refusal: the user fixes the sheet and chooses it again. */
  protected chooseAgain(): void {
    this.reset();
  }

  protected downloadAnnotated(): void {
    const base64 = this.rejection()?.annotatedWorkbook;
    if (!base64) return;
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const url = URL.createObjectURL(
      new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = (this.file()?.name ?? 'import.xlsx').replace(/\.xlsx$/i, '') + '-errors.xlsx';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  private send(dryRun: boolean) {
    return this.http.post<ImportOutcomeDto>(`/api/projects/${this.projectId()}/import.xlsx`, this.upload(), {
      params: this.params(dryRun),
      reportProgress: true,
      observe: 'events',
    });
  }

  /** The body of a request, the upload's progress in `progress` meanwhile (null once sent: the server works). */
  private withProgress<T>(events: Observable<HttpEvent<T>>): Promise<T> {
    this.progress.set(0);
    return new Promise<T>((resolve, reject) => {
      let body: T | undefined;
      events.subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            const done = event.total ? Math.round((100 * event.loaded) / event.total) : 0;
            this.progress.set(done >= 100 ? null : done);
          } else if (event.type === HttpEventType.Response) {
            body = event.body as T;
          }
        },
        error: reject,
        complete: () => resolve(body as T),
      });
    });
  }

  private params(dryRun: boolean): Record<string, string> {
    return { dryRun: String(dryRun), deleteMissing: String(this.deleteMissing()) };
  }

  private upload(): FormData {
    const form = this.form(this.file() as File);
    form.append('mapping', JSON.stringify(this.mapping()));
    return form;
  }

  private form(file: File): FormData {
    const form = new FormData();
    form.append('file', file, file.name);
    return form;
  }

  private remembered(): Record<string, string> | null {
    try {
      return JSON.parse(localStorage.getItem(mappingStorageKey(this.projectId())) ?? 'null');
    } catch {
      return null;
    }
  }

  private async guard(work: () => Promise<unknown>, onError?: Step): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await work();
    } catch (error) {
      const body = error instanceof HttpErrorResponse ? (error.error as { message?: string } | null) : null;
      this.error.set(body?.message ?? (error as Error).message ?? String(error));
      if (onError) this.step.set(onError);
    } finally {
      this.busy.set(false);
    }
  }
}
