import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { AnnouncementDto, announcementEvents, mayApproveAnnouncement } from '@worksite/shared-announcements';
import { ProjectDto } from '@worksite/shared-domain';
import { SessionStore } from '@worksite/web-auth-data-access';
import { ApiFailure, FileDownloads } from '@worksite/web-core-data-access';
import { ProjectHeaderComponent, ZonedRangePipe, ZonedTimePipe } from '@worksite/web-shared-ui';
import { AnnouncementsApi } from './announcements-api';

/** Timings that ask the coordinator to act (the clash 'announcement-late'). */
const WARNING_TIMINGS = ['late', 'missing', 'outdated'];

/**
 * A project's resident announcements: each cut's text for the buildings' groups with its state
 * and how it stands with the lead time (power: 7 days), edit, approve, post, follow-up, print.
 * The buttons come from the shared state machine; the api enforces the same rules.
 */
@Component({
  selector: 'ws-announcements-page',
  imports: [TranslatePipe, ZonedTimePipe, ZonedRangePipe, ProjectHeaderComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './announcements-page.component.html',
  styleUrl: './announcements-page.component.css',
})
export class AnnouncementsPage {
  readonly projectId = input.required<string>();

  private readonly api = inject(AnnouncementsApi);
  private readonly session = inject(SessionStore);
  private readonly downloads = inject(FileDownloads);

  protected readonly project = signal<ProjectDto | null>(null);
  protected readonly items = signal<AnnouncementDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  /** Per announcement: the text being edited, and the last refusal. */
  protected readonly drafts = signal<Record<string, string>>({});
  protected readonly refusals = signal<Record<string, string>>({});
  protected readonly busy = signal<string | null>(null);
  protected readonly filter = signal<'all' | 'attention'>('all');

  protected readonly mayApprove = computed(() => mayApproveAnnouncement(this.session.user(), this.projectId()));
  protected readonly attention = computed(() => this.items().filter((a) => needsAttention(a)).length);
  protected readonly shown = computed(() =>
    this.filter() === 'attention' ? this.items().filter((a) => needsAttention(a)) : this.items(),
  );
  protected readonly zone = computed(() => this.project()?.timeZone ?? 'Asia/Shanghai');

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      untracked(() => void this.load(projectId));
    });
  }

  protected events(announcement: AnnouncementDto) {
    return announcementEvents(announcement.state);
  }

  protected warns(announcement: AnnouncementDto): boolean {
    return !!announcement.timing && WARNING_TIMINGS.includes(announcement.timing);
  }

  protected textOf(announcement: AnnouncementDto): string {
    return this.drafts()[announcement.id] ?? announcement.text;
  }

  protected typed(announcement: AnnouncementDto, text: string): void {
    this.drafts.update((drafts) => ({ ...drafts, [announcement.id]: text }));
  }

  protected async save(announcement: AnnouncementDto): Promise<void> {
    const text = this.drafts()[announcement.id];
    if (text === undefined || text === announcement.text) return;
    await this.run(announcement, () => this.api.edit(announcement.id, announcement.version, text));
  }

  protected async step(announcement: AnnouncementDto, step: 'approve' | 'post' | 'follow-up'): Promise<void> {
    await this.run(announcement, () => this.api.step(announcement.id, step, announcement.version));
  }

  protected async print(announcement: AnnouncementDto): Promise<void> {
    await this.run(announcement, async () => {
      await this.downloads.save(`announcements/${announcement.id}/notice.pdf`, {
        fallbackName: `notice-${announcement.id}.pdf`,
      });
      return announcement;
    });
  }

  private async run(announcement: AnnouncementDto, call: () => Promise<AnnouncementDto>): Promise<void> {
    this.busy.set(announcement.id);
    this.refusals.update(({ [announcement.id]: _, ...rest }) => rest);
    try {
      const fresh = await call();
      this.items.update((items) => items.map((item) => (item.id === fresh.id ? fresh : item)));
      this.drafts.update(({ [announcement.id]: _, ...rest }) => rest);
    } catch (error) {
      this.refusals.update((refusals) => ({ ...refusals, [announcement.id]: (error as ApiFailure).message }));
      // A stale version or another state: show what is stored now.
      if ((error as ApiFailure).status === 409) await this.load(this.projectId(), false);
    } finally {
      this.busy.set(null);
    }
  }

  private async load(projectId: string, spinner = true): Promise<void> {
    if (spinner) this.loading.set(true);
    this.error.set(null);
    try {
      const [project, items] = await Promise.all([this.api.project(projectId), this.api.list(projectId)]);
      this.project.set(project);
      this.items.set(items);
    } catch (error) {
      this.error.set((error as ApiFailure).message);
    } finally {
      this.loading.set(false);
    }
  }
}

function needsAttention(announcement: AnnouncementDto): boolean {
  return (
    announcement.updateNeeded ||
    (!!announcement.timing && WARNING_TIMINGS.includes(announcement.timing)) ||
    announcement.state === 'draft' ||
    announcement.state === 'approved'
  );
}
