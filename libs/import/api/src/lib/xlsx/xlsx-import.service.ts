import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError } from '@worksite/api-core';
import { Actor } from '@worksite/auth-access';
import { IMPORT_HEADERS, ImportField } from '@worksite/import-domain';
import { ProjectNetworkService } from '@worksite/scheduling-data-access';
import { Locale } from '@worksite/shared-i18n';
import { rejection, renderProblems } from '../import-report';
import { ImportOutcome, ImportRejected, ImportService } from '../import.service';
import { annotateWorkbook } from './annotate';
import { loadWorkbook, readTaskRows, SheetError, readTaskRowsOf, taskSheet } from './read-sheet';
import { previewText } from './sheet-cells';
import { buildTemplate } from './template';

export interface XlsxImportOptions {
  dryRun?: boolean;
  deleteMissing?: boolean;
  /** Sheet header → field; guessed from the headers when absent. */
  mapping?: Record<string, string>;
}

/** What the browser shows before anything is imported: the headers, a guessed mapping, the first rows. */
export interface SheetPreview {
  sheetName: string;
  headers: string[];
  mapping: Record<string, ImportField>;
  rowCount: number;
  /** The first rows, cell texts by header. */
  rows: Record<string, string>[];
}

/** Excel import: the template, a preview, and the import of a sheet (the JSON import's rules). */
@Injectable()
export class XlsxImportService {
  constructor(
    private readonly networks: ProjectNetworkService,
    private readonly imports: ImportService,
  ) {}

  async template(projectId: string, actor: Actor, locale: Locale): Promise<Buffer> {
    const lists = await this.networks.read(async (manager) => {
      await this.networks.visibleProject(manager, projectId, actor);
      const departments: { name: string }[] = await manager.query('SELECT name FROM departments ORDER BY name');
      const crews: { name: string }[] = await manager.query('SELECT DISTINCT name FROM crews ORDER BY name');
      return { departments: departments.map((row) => row.name), crews: crews.map((row) => row.name) };
    });
    return buildTemplate(locale, lists);
  }

  /** The caller has checked that the actor sees the project. */
  async preview(data: Buffer, mapping?: Record<string, string>): Promise<SheetPreview> {
    const workbook = await loadWorkbook(data).catch(unreadable);
    const sheet = taskSheet(workbook);
    const headers: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
      headers[column - 1] = String(cell.text ?? '').trim();
    });
    let read;
    try {
      read = readTaskRows(sheet, mapping);
    } catch {
      read = null;
    }
    const rows: Record<string, string>[] = [];
    for (let number = 2; number <= sheet.rowCount && rows.length < 10; number++) {
      const row = sheet.getRow(number);
      if (!row.hasValues) continue;
      rows.push(
        Object.fromEntries(headers.map((header, index) => [header, previewText(row.getCell(index + 1).value)])),
      );
    }
    return {
      sheetName: sheet.name,
      headers,
      mapping: read?.mapping ?? {},
      rowCount: Math.max(0, sheet.actualRowCount - 1),
      rows,
    };
  }

  /**
   * Imports a sheet. Problems: 422 with the report (columns named by the sheet's own headers)
   * and `annotatedWorkbook`, the same workbook in base64 with a comment on each bad cell.
   */
  async run(
    projectId: string,
    actor: Actor,
    data: Buffer,
    options: XlsxImportOptions,
    locale: Locale,
  ): Promise<ImportOutcome & { mapping: Record<string, ImportField> }> {
    // Only the rows are kept while the import runs; the workbook is loaded again to annotate a refused sheet.
    let read;
    try {
      read = await readTaskRowsOf(data, options.mapping);
    } catch (error) {
      if (error instanceof SheetError && error.message.startsWith('not an .xlsx workbook')) unreadable(error);
      throw sheetProblem(error);
    }
    const headerOf = (field: ImportField) =>
      read.headers[(read.columnOf[field] ?? 0) - 1] ?? IMPORT_HEADERS[field][locale];
    try {
      const outcome = await this.imports.run(projectId, actor, {
        tasks: read.rows,
        dryRun: options.dryRun,
        deleteMissing: options.deleteMissing,
      });
      return { ...outcome, mapping: read.mapping };
    } catch (error) {
      if (!(error instanceof ImportRejected)) throw error;
      const rendered = renderProblems(error.problems, locale, headerOf);
      const workbook = await loadWorkbook(data).catch(unreadable);
      const annotated = await annotateWorkbook(workbook, taskSheet(workbook), read.columnOf, rendered);
      throw rejection(
        error,
        locale,
        { mapping: read.mapping, annotatedWorkbook: annotated.toString('base64') },
        headerOf,
      );
    }
  }
}

function unreadable(error: unknown): never {
  throw new ApiError(HttpStatus.BAD_REQUEST, 'import_file_unreadable', {
    key: 'import_file_unreadable',
    params: { reason: (error as Error).message },
  });
}

function sheetProblem(error: unknown): ApiError {
  if (!(error instanceof SheetError)) throw error;
  if (error.message === 'no-code-or-title')
    return new ApiError(HttpStatus.BAD_REQUEST, 'import_mapping_invalid', 'import_no_title_column');
  return new ApiError(HttpStatus.BAD_REQUEST, 'import_mapping_invalid', {
    key: 'import_mapping_invalid',
    params: { reason: error.message },
  });
}
