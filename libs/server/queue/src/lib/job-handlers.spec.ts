import { assertEveryJobHandled } from './job-handlers';
import { NoticeJob, QueueName, SystemJob } from './jobs';

describe('assertEveryJobHandled', () => {
  it('passes when every declared job has a handler', () => {
    expect(() =>
      assertEveryJobHandled({
        [QueueName.System]: { [SystemJob.Heartbeat]: async () => undefined },
        [QueueName.Notices]: Object.fromEntries(Object.values(NoticeJob).map((job) => [job, async () => undefined])),
      }),
    ).not.toThrow();
  });

  it('names the jobs without a handler', () => {
    expect(() => assertEveryJobHandled({})).toThrow('No handler for job(s): system/heartbeat, notices/run');
  });
});
