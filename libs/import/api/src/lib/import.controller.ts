import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ID_PIPE, localeOf } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import type { Request } from 'express';
import { ImportBodyDto } from './import.dto';
import { rejection } from './import-report';
import { ImportOutcome, ImportRejected, ImportService } from './import.service';

/** Bulk import of a project's tasks and links (JSON). */
@ApiTags('import')
@ApiBearerAuth()
@ApiParam({ name: 'id', format: 'uuid', description: 'Project id' })
@ApiNotFoundResponse({ description: 'No such project, or one you may not see' })
@ApiForbiddenResponse({ description: 'Not a coordinator of the project (nor an admin)' })
@Controller('projects')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

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
}
