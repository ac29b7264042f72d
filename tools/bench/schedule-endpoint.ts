// Times GET /api/projects/:id/schedule for a generated project of 10,000 tasks and 15,000
// links (the payload the Gantt loads), against the built api on a scratch stack: the first
// request computes the schedule, the next ones are served from the per-process cache.
import { ApiUser } from '../../apps/web-e2e/src/support/api';
import { startStack } from '../../apps/web-e2e/src/support/stack';
import { insertGanttProject } from './gantt-project';

async function main(): Promise<void> {
  let projectId = '';
  const stack = await startStack({
    worker: false,
    prepare: async (url) => {
      projectId = (await insertGanttProject(url, { tasks: 10_000, links: 15_000 })).projectId;
    },
  });
  try {
    const admin = await ApiUser.login(stack.url, 'admin', 'demo-guanliyuan-2026');
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 7; i++) {
      const began = performance.now();
      const response = await fetch(`${stack.url}/api/projects/${projectId}/schedule`, {
        headers: { authorization: `Bearer ${admin.token}`, 'accept-encoding': 'gzip' },
      });
      const body = await response.arrayBuffer();
      times.push(performance.now() - began);
      bytes = Number(response.headers.get('content-length') ?? body.byteLength);
    }
    const [cold, ...warm] = times;
    warm.sort((a, b) => a - b);
    // A coordinator's save in a warm api: PATCH one task (a new revision), then the Gantt's reload.
    const schedule = await admin.get<{ tasks: { id: string; title: string }[] }>(`projects/${projectId}/schedule`);
    const edits: { patch: number; reload: number }[] = [];
    for (const [n, listed] of schedule.tasks.slice(0, 5).entries()) {
      const task = await admin.get<{ version: number }>(`tasks/${listed.id}`);
      let began = performance.now();
      await admin.patch(`tasks/${listed.id}`, { version: task.version, title: `${listed.title} (${n})` });
      const patch = performance.now() - began;
      began = performance.now();
      await admin.get(`projects/${projectId}/schedule`);
      edits.push({ patch, reload: performance.now() - began });
    }
    const mid = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(
      `GET /schedule of 10,000 tasks / 15,000 links: first (computed, fresh process) ${cold.toFixed(0)} ms; ` +
        `again (cached, revision checked) median ${warm[Math.floor(warm.length / 2)].toFixed(0)} ms, best ${warm[0].toFixed(0)} ms; ` +
        `${(bytes / 1e6).toFixed(1)} MB of JSON; after an edit in the warm api (median of ${edits.length}): ` +
        `PATCH ${mid(edits.map((e) => e.patch)).toFixed(0)} ms, then GET /schedule ${mid(edits.map((e) => e.reload)).toFixed(0)} ms`,
    );
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
