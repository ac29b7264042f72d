import { DeliveryPurpose, DeliveryStatus, NoticeDto, NoticeReason } from '@worksite/shared-domain';
import { latestByCrew, runIsLive, summarizeNotice } from './notice-state';

const delivery = (status: DeliveryStatus, purpose = DeliveryPurpose.Notice) =>
  ({ id: status, status, purpose }) as never;
const notice = (overrides: Partial<NoticeDto>): NoticeDto =>
  ({
    id: 'n',
    crewId: 'c',
    revision: 1,
    reason: NoticeReason.Initial,
    acknowledgedAt: null,
    completedAt: null,
    deliveries: [],
    ...overrides,
  }) as NoticeDto;

describe('notice summaries', () => {
  it('has no notice before the run', () => {
    expect(summarizeNotice(null).state).toBe('not-sent');
  });

  it('is sent when a channel delivered it, failed when all failed, sending meanwhile', () => {
    expect(
      summarizeNotice(notice({ deliveries: [delivery(DeliveryStatus.Sent), delivery(DeliveryStatus.Failed)] })).state,
    ).toBe('sent');
    expect(summarizeNotice(notice({ deliveries: [delivery(DeliveryStatus.Failed)] })).state).toBe('failed');
    expect(summarizeNotice(notice({ deliveries: [delivery(DeliveryStatus.Unknown)] })).state).toBe('unknown');
    expect(
      summarizeNotice(notice({ deliveries: [delivery(DeliveryStatus.Sending), delivery(DeliveryStatus.Failed)] }))
        .state,
    ).toBe('sending');
  });

  it('is failed when every channel was skipped, sent from the notice itself without delivery rows', () => {
    expect(summarizeNotice(notice({ deliveries: [delivery(DeliveryStatus.Skipped)] })).state).toBe('failed');
    expect(summarizeNotice(notice({ deliveries: undefined, completedAt: '2026-03-02T12:00:00Z' })).state).toBe('sent');
  });

  it('reminders do not count as the notice being delivered', () => {
    expect(
      summarizeNotice(
        notice({
          deliveries: [delivery(DeliveryStatus.Failed), delivery(DeliveryStatus.Sent, DeliveryPurpose.Reminder)],
        }),
      ).state,
    ).toBe('failed');
  });

  it('acknowledged wins, and an amendment is flagged', () => {
    const summary = summarizeNotice(
      notice({
        revision: 2,
        reason: NoticeReason.Amendment,
        acknowledgedAt: '2026-03-02T12:00:00Z',
        deliveries: [delivery(DeliveryStatus.Failed)],
      }),
    );
    expect(summary).toMatchObject({ state: 'acknowledged', amended: true, revision: 2 });
  });

  it('keeps the newest revision per crew', () => {
    const latest = latestByCrew([
      notice({ id: 'a', revision: 1 }),
      notice({ id: 'b', revision: 3 }),
      notice({ id: 'c', revision: 2 }),
    ]);
    expect(latest.get('c')?.id).toBe('b');
  });

  it('polls only live runs', () => {
    expect(runIsLive('running')).toBe(true);
    expect(runIsLive('pending')).toBe(true);
    expect(runIsLive('completed')).toBe(false);
    expect(runIsLive(undefined)).toBe(false);
  });
});
