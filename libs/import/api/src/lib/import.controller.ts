import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApiError, ID_PIPE, localeOf } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import type { Request, Response } from 'express';
import { ImportBodyDto, ImportFileQueryDto } from './import.dto';
import { rejection } from './import-report';
import { ImportOutcome, ImportRejected, ImportService } from './import.service';
import { MspdiImportOutcome, MspdiService } from './mspdi/mspdi.service';
import { SheetPreview, XlsxImportService } from './xlsx/xlsx-import.service';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_LIMIT = 20 * 1024 * 1024;

/** The file of a file import: the raw body, or the `file` part of a multipart form. */
export function uploadedFile(request: Request, file: { buffer: Buffer } | undefined): Buffer {
  const data = file?.buffer ?? (Buffer.isBuffer(request.body) ? request.body : null);
  if (!data || data.length === 0) {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'import_file_unreadable', {
      key: 'import_file_unreadable',
      params: { reason: 'no file' },
    });
  }
  return data;
}

/** Bulk import of a project's tasks and links: JSON, and Excel sheets. */
@ApiTags('import')
@ApiBearerAuth()
@ApiParam({ name: 'id', format: 'uuid', description: 'Project id' })
@ApiNotFoundResponse({ description: 'No such project, or one you may not see' })
@ApiForbiddenResponse({ description: 'Not a coordinator of the project (nor an admin)' })
@Controller('projects')
export class ImportController {
  constructor(
    private readonly imports: ImportService,
    private readonly xlsx: XlsxImportService,
    private readonly mspdi: MspdiService,
  ) {}

  @Post(':id/import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import tasks and links in one transaction and one scheduling pass (up to 20 MB, 20,000 tasks)',
    description:
      'Everything is checked first: 422 import_invalid with `report` listing every problem by row, field and ' +
      'column, and nothing written. Tasks are matched by code: a re-import updates them in place (version + 1, ' +
      'audit entries) and lists the tasks the import no longer has (`missing`; deleted with deleteMissing). ' +
      'dryRun answers the same report and the summary (created/updated/unchanged/missing) and writes nothing.',
  })
  @ApiOkResponse({ description: '{ dryRun, summary, missing, projectFinish, problems: [] }' })
  @ApiUnprocessableEntityResponse({ description: 'import_invalid: report of every problem' })
  async importJson(
    @Param('id', ID_PIPE) id: string,
    @Body() body: ImportBodyDto,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
  ): Promise<ImportOutcome> {
    try {
      return await this.imports.run(id, actor, body);
    } catch (error) {
      if (error instanceof ImportRejected) throw rejection(error, localeOf(request));
      throw error;
    }
  }

  @Get(':id/import-template.xlsx')
  @ApiOperation({
    summary: 'The import template: headers in the request language, drop-down lists of departments, crews and statuses',
  })
  @ApiOkResponse({ description: 'An .xlsx workbook' })
  async template(
    @Param('id', ID_PIPE) id: string,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const locale = localeOf(request);
    const data = await this.xlsx.template(id, actor, locale);
    response.setHeader('Content-Language', locale);
    return new StreamableFile(data, {
      type: XLSX_TYPE,
      disposition: `attachment; filename="${locale === 'en' ? 'import-template' : 'daoru-muban'}.xlsx"`,
    });
  }

  @Post(':id/import.xlsx')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: FILE_LIMIT, files: 1 } }))
  @ApiConsumes(XLSX_TYPE, 'multipart/form-data')
  @ApiBody({ description: 'The .xlsx file as the body, or as the `file` part of a form (up to 20 MB)' })
  @ApiOperation({
    summary: 'Import an Excel sheet (the rules of the JSON import); ?preview=true only reads headers and first rows',
    description:
      '`mapping` (query or form field) is a JSON object sheet header → field; without it the headers are ' +
      'matched to the template columns and known aliases. Problems: 422 import_invalid with `report` and ' +
      '`annotatedWorkbook` (base64 .xlsx: the same sheet with a comment on each bad cell).',
  })
  @ApiUnprocessableEntityResponse({ description: 'import_invalid: report of every problem, annotated workbook' })
  async importXlsx(
    @Param('id', ID_PIPE) id: string,
    @Query() query: ImportFileQueryDto,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
  ): Promise<(ImportOutcome & { mapping: Record<string, string> }) | SheetPreview> {
    // Who may is answered before what was sent.
    await this.imports.authorize(id, actor, query.preview === true);
    const data = uploadedFile(request, file);
    const formMapping = !Buffer.isBuffer(request.body)
      ? (request.body as { mapping?: unknown } | undefined)?.mapping
      : undefined;
    const mapping = parseMapping(query.mapping ?? formMapping);
    if (query.preview) return this.xlsx.preview(data, mapping);
    return this.xlsx.run(id, actor, data, { ...query, mapping }, localeOf(request));
  }

  @Post(':id/import.xml')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: FILE_LIMIT, files: 1 } }))
  @ApiConsumes('application/xml', 'text/xml', 'multipart/form-data')
  @ApiBody({ description: 'An MS Project XML (MSPDI) file as the body, or as the `file` part of a form' })
  @ApiOperation({
    summary: 'Import an MS Project XML file (the rules of the JSON import)',
    description:
      'Tasks by UID (re-imports update in place), durations, manual tasks at their dates, constraints (MSO, SNET, FNLT held; MFO as MSO; ALAP, SNLT, FNET reported in `notes`), ' +
      'FS/SS/FF/SF links with their lags (elapsed and percentage lags are refused, naming the task). Summary ' +
      'tasks are left out (`skippedSummaries`: the plan has no groups). The project calendar of the file ' +
      "(week, holidays, 调休 days, partial days as blackouts) becomes the project's: an identical calendar is " +
      'reused, else one is made, named after it (`calendar`). Task calendars are not held (`notes`). ' +
      '`department` (query) is the department of every task.',
  })
  async importXml(
    @Param('id', ID_PIPE) id: string,
    @Query() query: ImportFileQueryDto,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
  ): Promise<MspdiImportOutcome> {
    await this.imports.authorize(id, actor);
    const data = uploadedFile(request, file);
    try {
      return await this.mspdi.import(id, actor, data.toString('utf8'), query, localeOf(request));
    } catch (error) {
      if (error instanceof ImportRejected) throw rejection(error, localeOf(request));
      throw error;
    }
  }

  @Get(':id/ms-project.xml')
  @ApiOperation({ summary: 'The project as MS Project XML (MSPDI): calendar, tasks you may see, links' })
  @ApiOkResponse({ description: 'An MSPDI file' })
  async exportXml(
    @Param('id', ID_PIPE) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { xml, code } = await this.mspdi.export(id, actor);
    response.setHeader('Content-Type', 'application/xml; charset=utf-8');
    return new StreamableFile(Buffer.from(xml, 'utf8'), {
      type: 'application/xml; charset=utf-8',
      disposition: `attachment; filename="${code.replace(/[^\w.-]/g, '_')}.xml"`,
    });
  }
}

/** The mapping parameter: a JSON object of header → field names. */
function parseMapping(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let parsed: unknown;
  try {
    parsed = typeof value === 'string' ? JSON.parse(value) : value;
  } catch {
    parsed = null;
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    Array.isArray(parsed) ||
    Object.values(parsed).some((field) => typeof field !== 'string')
  ) {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'import_mapping_invalid', {
      key: 'import_mapping_invalid',
      params: { reason: 'mapping must be a JSON object of sheet header → field' },
    });
  }
  return parsed as Record<string, string>;
}
