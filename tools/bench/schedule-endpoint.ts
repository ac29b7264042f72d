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
    const admin = await ApiUser.login(stack.url, 'admin', 'demo-admin-2026');
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
    console.log(
      `GET /schedule of 10,000 tasks / 15,000 links: first (computed) ${cold.toFixed(0)} ms; ` +
        `again (cached, revision checked) median ${warm[Math.floor(warm.length / 2)].toFixed(0)} ms, best ${warm[0].toFixed(0)} ms; ` +
        `${(bytes / 1e6).toFixed(1)} MB of JSON`,
    );
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
