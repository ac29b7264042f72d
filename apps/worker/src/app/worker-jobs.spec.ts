import { IncidentsProcessor } from '@worksite/incidents-worker';
import { NoticesProcessor } from '@worksite/notices-worker';
import { JOBS_BY_QUEUE, NoticeJob, QueueName } from '@worksite/server-queue';
import { WorkerModule, workerJobHandlers } from './app.module';

/** The processor as the worker builds it; its handlers only call their services when a job runs. */
function processor(): NoticesProcessor {
  const none = undefined as never;
  return new NoticesProcessor(none, none, none, none, none, none, none, none, none);
}

function incidentsProcessor(): IncidentsProcessor {
  const none = undefined as never;
  return new IncidentsProcessor(none, none);
}

describe("the worker's job handlers", () => {
  it('has a handler for every job of every queue', () => {
    const handlers = workerJobHandlers(processor(), incidentsProcessor());
    for (const queue of Object.values(QueueName)) {
      for (const job of JOBS_BY_QUEUE[queue] as string[]) {
        expect([queue, job, typeof (handlers[queue] as Record<string, unknown>)[job]]).toEqual([
          queue,
          job,
          'function',
        ]);
      }
    }
    expect(() => new WorkerModule(processor(), incidentsProcessor()).onModuleInit()).not.toThrow();
  });

  it('refuses to boot when a job has no handler', () => {
    const incomplete = processor();
    delete (incomplete.handlers as Partial<typeof incomplete.handlers>)[NoticeJob.Alert];
    expect(() => new WorkerModule(incomplete, incidentsProcessor()).onModuleInit()).toThrow(
      'No handler for job(s): notices/alert',
    );
  });
});
