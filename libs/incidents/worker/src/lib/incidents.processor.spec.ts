import { IncidentJob, JOBS_BY_QUEUE, QueueName } from '@worksite/server-queue';
import { IncidentsProcessor } from './incidents.processor';

describe('IncidentsProcessor', () => {
  it('handles every job of the incidents queue', () => {
    const processor = new IncidentsProcessor(undefined as never, undefined as never);
    expect(Object.keys(processor.handlers).sort()).toEqual([...JOBS_BY_QUEUE[QueueName.Incidents]].sort());
    expect(typeof processor.handlers[IncidentJob.Callout]).toBe('function');
  });
});
