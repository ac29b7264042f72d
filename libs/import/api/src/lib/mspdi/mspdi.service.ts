import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError } from '@worksite/api-core';
import { Actor } from '@worksite/auth-access';
import { ProjectNetworkService } from '@worksite/scheduling-data-access';
import { workingDayMinutes } from '@worksite/scheduling-engine';
import { projectStartOf } from '@worksite/scheduling-network';
import { CalendarEntity } from '@worksite/server-data-access';
import { ImportOutcome, ImportService } from '../import.service';
import { MspdiCalendar, MspdiError, readMspdi } from './mspdi-read';
import { ExportTask, writeMspdi } from './mspdi-write';

export interface MspdiImportOutcome extends ImportOutcome {
  /** Summary tasks left out (the plan has no groups). */
  skippedSummaries: { uid: string; name: string }[];
  /** The file's calendar next to the project's: the project keeps its own; `sameWeek` says whether they agree. */
  calendar: { name: string; sameWeek: boolean; holidaysNotInProject: string[] } | null;
}

/** MS Project XML: import (the rules of the JSON import) and export. */
@Injectable()
export class MspdiService {
  constructor(
    private readonly networks: ProjectNetworkService,
    private readonly imports: ImportService,
  ) {}

  async import(
    projectId: string,
    actor: Actor,
    xml: string,
    options: { dryRun?: boolean; deleteMissing?: boolean; department?: string },
  ): Promise<MspdiImportOutcome> {
    let file;
    try {
      file = readMspdi(xml);
    } catch (error) {
      if (!(error instanceof MspdiError)) throw error;
      throw new ApiError(HttpStatus.BAD_REQUEST, 'import_file_unreadable', {
        key: 'import_file_unreadable',
        params: { reason: error.message },
      });
    }
    const tasks = file.tasks.map((task) => (options.department ? { ...task, department: options.department } : task));
    const outcome = await this.imports.run(projectId, actor, {
      tasks,
      links: file.links,
      dryRun: options.dryRun,
      deleteMissing: options.deleteMissing,
    });
    return {
      ...outcome,
      skippedSummaries: file.skippedSummaries,
      calendar: file.calendar ? await this.compareCalendar(projectId, file.calendar) : null,
    };
  }

  async export(projectId: string, actor: Actor): Promise<{ xml: string; code: string }> {
    return this.networks.read(async (manager) => {
      await this.networks.visibleProject(manager, projectId, actor);
      const visible = await this.networks.taskVisibility(manager, projectId, actor);
      const network = await this.networks.load(manager, projectId);
      const calendar = await manager.findOneByOrFail(CalendarEntity, { id: network.project.calendarId });
      const tasks = network.tasks.filter((task) => visible(task.id) && task.status !== 'cancelled');
      const uidOf = new Map(tasks.map((task) => [task.id, task.code]));
      const incoming = new Map<string, ExportTask['links']>();
      for (const link of network.links) {
        const predecessorUid = uidOf.get(link.predecessorId);
        if (predecessorUid === undefined || !uidOf.has(link.successorId)) continue;
        const list = incoming.get(link.successorId) ?? [];
        list.push({ predecessorUid, type: link.type, lagMinutes: link.lagMinutes });
        incoming.set(link.successorId, list);
      }
      const xml = writeMspdi({
        name: network.project.name,
        timeZone: network.project.timeZone,
        start: projectStartOf(network.project),
        minutesPerDay: workingDayMinutes(network.calendar) || 480,
        calendar: {
          name: calendar.name,
          weekly: Object.fromEntries(Object.entries(calendar.weeklyWindows).map(([day, w]) => [Number(day), w])),
          holidays: [...(network.spec.holidays ?? [])],
          makeUpWorkdays: (network.spec.makeUpWorkdays ?? []).map((day) => (typeof day === 'string' ? day : day.date)),
        },
        tasks: tasks.map((task) => ({
          uid: task.code,
          title: task.title,
          manual: task.schedulingMode === 'manual' || task.status === 'done' || task.status === 'in_progress',
          start: task.plannedStart.getTime(),
          finish: task.plannedFinish.getTime(),
          durationMinutes: task.durationMinutes,
          constraintType: task.constraintType,
          constraintAt: task.constraintAt?.getTime() ?? null,
          percentComplete: task.progress,
          links: incoming.get(task.id) ?? [],
        })),
      });
      return { xml, code: network.project.code };
    });
  }

  private async compareCalendar(projectId: string, file: MspdiCalendar) {
    return this.networks.read(async (manager) => {
      const network = await this.networks.load(manager, projectId);
      const calendar = await manager.findOneByOrFail(CalendarEntity, { id: network.project.calendarId });
      const week = (windows: { start: string; end: string }[] | undefined) =>
        (windows ?? []).map((w) => `${w.start}-${w.end}`).join(',');
      const ours = (day: number) =>
        week((calendar.weeklyWindows as Record<string, { start: string; end: string }[]>)[String(day)]);
      const theirs = (day: number) => week(file.weekly[day]);
      const holidays = new Set(network.spec.holidays ?? []);
      return {
        name: file.name,
        sameWeek: [1, 2, 3, 4, 5, 6, 7].every((day) => ours(day) === theirs(day)),
        holidaysNotInProject: file.holidays.filter((date) => !holidays.has(date)).slice(0, 100),
      };
    });
  }
}
