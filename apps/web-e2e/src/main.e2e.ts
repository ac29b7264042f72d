// Browser end-to-end tests: starts the stack (tools/e2e/stack.ts) and Chromium once, runs
// the scenarios in order, tears everything down. Run with `npm run e2e`.
import { after, before, describe } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertPrerequisites, Stack, startStack } from './support/stack';
import { agencyChain } from './scenarios/agency-chain';
import { coordinatorGantt } from './scenarios/coordinator-gantt';
import { coordinatorTable } from './scenarios/coordinator-table';
import { coordinatorFilter } from './scenarios/coordinator-filter';
import { coordinatorTriage } from './scenarios/coordinator-triage';
import { coordinatorTasks } from './scenarios/coordinator-tasks';
import { coordinatorUndo } from './scenarios/coordinator-undo';
import { crewAcknowledge } from './scenarios/crew-acknowledge';
import { coordinatorSetup } from './scenarios/coordinator-setup';
import { coordinatorPrintConflict } from './scenarios/coordinator-print-conflict';
import { coordinatorImport } from './scenarios/coordinator-import';
import { coordinatorAnnounce } from './scenarios/coordinator-announce';
import { launchBrowser } from './support/browser';
import { coordinatorIncident } from './scenarios/coordinator-incident';
import { crewPhoneOffline } from './scenarios/crew-phone-offline';
import { crewClearsConstraint } from './scenarios/crew-clears-constraint';
import { coordinatorPpc } from './scenarios/coordinator-ppc';
import { coordinatorMakeReady } from './scenarios/coordinator-make-ready';

/** What every scenario gets: the running stack and the browser. */
export interface E2eContext {
  stack: Stack;
  browser: Browser;
}

const ctx = {} as E2eContext;

describe('Worksite in a real browser', { concurrency: 1 }, () => {
  before(async () => {
    assertPrerequisites();
    ctx.stack = await startStack();
    ctx.browser = await launchBrowser();
  });

  after(async () => {
    await ctx.browser?.close();
    await ctx.stack?.stop();
  });

  coordinatorGantt(ctx);
  coordinatorTable(ctx);
  coordinatorFilter(ctx);
  coordinatorTriage(ctx);
  coordinatorTasks(ctx);
  coordinatorUndo(ctx);
  agencyChain(ctx);
  crewAcknowledge(ctx);
  coordinatorSetup(ctx);
  coordinatorPrintConflict(ctx);
  coordinatorImport(ctx);
  coordinatorIncident(ctx);
  coordinatorAnnounce(ctx);
  crewPhoneOffline(ctx);
  crewClearsConstraint(ctx);
  coordinatorPpc(ctx);
  coordinatorMakeReady(ctx);
});
