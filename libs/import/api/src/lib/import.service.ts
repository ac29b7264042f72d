import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError } from '@worksite/api-core';
import { Actor, Resource, writeRefusal } from '@worksite/auth-access';
import { ImportContext, ImportLinkRow, ImportProblem, ImportTaskRow, validateImport } from '@worksite/import-domain';
import {
  lockProjectForScheduling,
  ProjectNetwork,
  ProjectNetworkService,
  writeMoves,
} from '@worksite/scheduling-data-access';
import { workingDayMinutes } from '@worksite/scheduling-engine';
import { projectStartOf } from '@worksite/scheduling-network';
import { DataSource, EntityManager } from 'typeorm';
import { auditsOf, recordAudits } from './import-audit';
import { ImportPlan, importedFields, planImport } from './import-plan';
import { deleteLinks, deleteTasks, insertLinks, insertTasks, updateLinks, updateTasks } from './import-writer';

/** What one import asks for. */
export interface ImportRequest {
  tasks: readonly ImportTaskRow[];
  links?: readonly ImportLinkRow[];
  dryRun?: boolean;
  deleteMissing?: boolean;
  /** Runs in the import's transaction before the project is read (e.g. an MS Project file's calendar). */
  prepare?: (manager: EntityManager) => Promise<void>;
}

/** Counts of what an import changes (or would change, on a dry run). */
export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  missing: number;
  deleted: number;
  linksCreated: number;
  linksUpdated: number;
  linksDeleted: number;
  /** Other tasks of the project pushed later by the imported links. */
  moved: number;
}

export interface ImportOutcome {
  dryRun: boolean;
  summary: ImportSummary;
  /** Tasks with an external code the sheet no longer has (deleted only with deleteMissing). */
  missing: { id: string; code: string; title: string }[];
  projectFinish: string | null;
  problems: ImportProblem[];
}

/** Thrown when an import has problems: the controller renders the report (422). */
export class ImportRejected extends Error {
  constructor(
    readonly problems: ImportProblem[],
    readonly dryRun: boolean,
  ) {
    super(`import refused: ${problems.length} problems`);
  }
}

/**
 * The bulk import: everything is checked first (every problem of every row is reported, and
 * nothing is written when there is one); then ONE transaction writes the tasks, links and
 * the moves of ONE scheduling pass with a few multi-row statements, and an audit entry per
 * changed row. The project row is locked first, as every scheduling write does.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly networks: ProjectNetworkService,
  ) {}

  /** 404 for a project the actor may not see, 403 unless the actor plans it (`read`: seeing it is enough). */
  async authorize(projectId: string, actor: Actor, read = false, manager?: EntityManager): Promise<void> {
    const check = async (tx: EntityManager) => {
      await this.networks.visibleProject(tx, projectId, actor);
      const refusal = read ? null : writeRefusal(Resource.Task, 'create', actor, { projectId });
      if (refusal) throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', refusal.message);
    };
    await (manager ? check(manager) : this.networks.read(check));
  }

  async run(projectId: string, actor: Actor, request: ImportRequest): Promise<ImportOutcome> {
    const dryRun = request.dryRun === true;
    const work = async (manager: EntityManager) => {
      await this.authorize(projectId, actor, false, manager);
      if (!dryRun) await lockProjectForScheduling(manager, projectId);
      await request.prepare?.(manager);
      const network = await this.networks.load(manager, projectId);
      const context = await this.context(manager, network, request.deleteMissing === true);
      const validated = validateImport(request.tasks, request.links ?? [], context);
      if (validated.problems.length > 0) throw new ImportRejected(validated.problems, dryRun);
      const plan = planImport(network, validated, request.deleteMissing === true);
      if (!dryRun) await this.write(manager, actor, network, plan);
      return outcome(plan, dryRun);
    };
    return dryRun ? this.networks.read(work) : this.networks.write(work);
  }

  /** The project's calendar, and the departments, crews and places rows may name. */
  private async context(
    manager: EntityManager,
    network: ProjectNetwork,
    deleteMissing: boolean,
  ): Promise<ImportContext> {
    const departments: { id: string; name: string }[] = await manager.query('SELECT id, name FROM departments');
    const crews: { id: string; name: string; departmentId: string; contractorName: string }[] = await manager.query(
      `SELECT c.id, c.name, c.department_id AS "departmentId", k.name AS "contractorName"
         FROM crews c JOIN contractors k ON k.id = c.contractor_id`,
    );
    const locations: { id: string; name: string; parentId: string | null }[] = await manager.query(
      'SELECT id, name, parent_id AS "parentId" FROM locations',
    );
    const keyOf = new Map(network.tasks.map((task) => [task.id, task.externalCode ?? `#${task.id}`]));
    return {
      timeZone: network.project.timeZone,
      projectStart: projectStartOf(network.project),
      minutesPerDay: workingDayMinutes(network.calendar) || 480,
      calendar: network.calendar,
      departments,
      crews,
      locations,
      existing: new Map(
        network.tasks
          .filter((task) => task.externalCode)
          .map((task) => [task.externalCode as string, { id: task.id, title: task.title }]),
      ),
      existingLinks: network.links.map((link) => ({
        from: keyOf.get(link.predecessorId) as string,
        to: keyOf.get(link.successorId) as string,
      })),
      deleteMissing,
    };
  }

  private async write(manager: EntityManager, actor: Actor, network: ProjectNetwork, plan: ImportPlan): Promise<void> {
    const projectId = network.project.id;
    await deleteLinks(
      manager,
      plan.linksDeleted.map((link) => link.id),
    );
    await deleteTasks(
      manager,
      plan.deleted.map((task) => task.id),
    );
    await updateTasks(
      manager,
      plan.updated.map(({ after }) => after),
    );
    await insertTasks(manager, projectId, plan.created);
    await updateLinks(
      manager,
      plan.linksUpdated.map(({ after }) => after),
    );
    await insertLinks(manager, plan.linksCreated);
    await writeMoves(manager, actor, network.project.timeZone, plan.moves);
    const audits = [
      ...auditsOf(Resource.Task, plan, importedFields),
      ...auditsOf(
        Resource.Dependency,
        { deleted: plan.linksDeleted, updated: plan.linksUpdated, created: plan.linksCreated },
        linkFields,
      ),
    ];
    await recordAudits(manager, actor, projectId, audits);
  }
}

function linkFields(link: { predecessorId: string; successorId: string; type: string; lagMinutes: number }) {
  return {
    predecessorId: link.predecessorId,
    successorId: link.successorId,
    type: link.type,
    lagMinutes: link.lagMinutes,
  };
}

function outcome(plan: ImportPlan, dryRun: boolean): ImportOutcome {
  return {
    dryRun,
    summary: {
      created: plan.created.length,
      updated: plan.updated.length,
      unchanged: plan.unchanged.length,
      missing: plan.missing.length,
      deleted: plan.deleted.length,
      linksCreated: plan.linksCreated.length,
      linksUpdated: plan.linksUpdated.length,
      linksDeleted: plan.linksDeleted.length,
      moved: plan.moves.length,
    },
    missing: plan.missing.map((task) => ({ id: task.id, code: task.externalCode as string, title: task.title })),
    projectFinish: plan.projectFinish === null ? null : new Date(plan.projectFinish).toISOString(),
    problems: [],
  };
}
