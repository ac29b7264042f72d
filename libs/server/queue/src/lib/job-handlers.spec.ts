import { assertEveryJobHandled } from './job-handlers';
import { IncidentJob, NoticeJob, QueueName } from './jobs';

describe('assertEveryJobHandled', () => {
  it('passes when every declared job has a handler', () => {
    expect(() =>
      assertEveryJobHandled({
        [QueueName.Notices]: Object.fromEntries(Object.values(NoticeJob).map((job) => [job, async () => undefined])),
        [QueueName.Incidents]: Object.fromEntries(
          Object.values(IncidentJob).map((job) => [job, async () => undefined]),
        ),
      }),
    ).not.toThrow();
  });

  it('names the jobs without a handler', () => {
    expect(() => assertEveryJobHandled({})).toThrow('No handler for job(s): notices/run, notices/crew');
    const incidentsHandled = {
      [QueueName.Incidents]: Object.fromEntries(Object.values(IncidentJob).map((job) => [job, async () => undefined])),
    };
    expect(() =>
      assertEveryJobHandled({
        [QueueName.Notices]: Object.fromEntries(
          Object.values(NoticeJob)
            .filter((job) => job !== NoticeJob.Alert)
            .map((job) => [job, async () => undefined]),
        ),
        ...incidentsHandled,
      }),
    ).toThrow('No handler for job(s): notices/alert');
  });
});
