import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError } from '@worksite/api-core';
import { Actor } from '@worksite/auth-access';
import { ProjectNetworkService } from '@worksite/scheduling-data-access';
import { workingDayMinutes } from '@worksite/scheduling-engine';
import { projectStartOf } from '@worksite/scheduling-network';
import { CalendarEntity, ProjectEntity } from '@worksite/server-data-access';
import { Locale, translate } from '@worksite/shared-i18n';
import { ImportOutcome, ImportService } from '../import.service';
import { wallClockOf } from '@worksite/shared-util-time';
import { MappedCalendar, mapCalendar } from './mspdi-calendar-mapping';
import { MspdiError, MspdiNote, readMspdi } from './mspdi-read';
import { ExportTask, writeMspdi } from './mspdi-write';

export interface MspdiImportOutcome extends ImportOutcome {
  /** Summary tasks left out (the plan has no groups). */
  skippedSummaries: { uid: string; name: string }[];
  /** The file's project calendar as ours, now the project's (reused when identical, else made). */
  calendar: MappedCalendar | null;
  /** What the import holds differently from the file (constraints, task calendars…), in the request's language. */
  notes: { row: number; code?: string; message: string }[];
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
    locale: Locale = 'zh-CN',
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
    let calendar: MappedCalendar | null = null;
    const fileCalendar = file.calendar;
    const outcome = await this.imports.run(projectId, actor, {
      tasks,
      links: file.links,
      dryRun: options.dryRun,
      deleteMissing: options.deleteMissing,
      prepare: fileCalendar
        ? async (manager) => {
            const project = await manager.findOneByOrFail(ProjectEntity, { id: projectId });
            calendar = await mapCalendar(manager, project, fileCalendar, options.dryRun === true);
          }
        : undefined,
    });
    const mapped = calendar as MappedCalendar | null;
    const notes: MspdiNote[] = [...file.notes];
    if (mapped && fileCalendar && mapped.extraHours.length) {
      notes.push({
        row: 0,
        code: '',
        key: 'mspdi_calendar_extra_hours',
        params: { calendar: fileCalendar.name, dates: mapped.extraHours.slice(0, 20).join(', ') },
      });
    }
    return {
      ...outcome,
      skippedSummaries: file.skippedSummaries,
      calendar: mapped,
      notes: notes.map((note) => ({
        row: note.row,
        ...(note.code ? { code: note.code } : {}),
        message: translate(locale, { key: note.key, params: note.params }),
      })),
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
          blackouts: (network.spec.blackouts ?? []).map((b) => ({
            start: wallClockOf(b.start, network.project.timeZone),
            end: wallClockOf(b.end, network.project.timeZone),
          })),
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
}
