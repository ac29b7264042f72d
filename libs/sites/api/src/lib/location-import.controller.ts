import { Controller, Get, HttpCode, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { attachmentHeader, SPREADSHEET_TYPE } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import { LocationImportReportDto } from '@worksite/shared-domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import type { Request, Response } from 'express';
import { LocationImportService, locationTemplate } from './location-import.service';

export class LocationImportQueryDto {
  @ApiPropertyOptional({ description: 'Check and count only; nothing is written' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

/**
 * The community from a sheet: its template, and the import (admins and coordinators).
 * Registered before the locations' CRUD routes, whose `:id` would otherwise take these paths.
 */
@ApiTags('locations')
@ApiBearerAuth()
@Controller('locations')
export class LocationImportController {
  constructor(private readonly imports: LocationImportService) {}

  @Get('import-template.xlsx')
  @ApiProduces(SPREADSHEET_TYPE)
  @ApiOperation({ summary: 'The template of the community sheet: 小区, 楼号, 单元, 户数, 地址' })
  @ApiOkResponse({ description: 'An .xlsx workbook' })
  async template(@Res() response: Response): Promise<void> {
    response.setHeader('Content-Type', SPREADSHEET_TYPE);
    response.setHeader('Content-Disposition', attachmentHeader('小区楼栋导入模板.xlsx'));
    response.send(await locationTemplate());
  }

  @Post('import')
  @HttpCode(200)
  // A form upload: the workbook in the field `file` (the bulk-body rule lets multipart through here).
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 20 * 1024 * 1024, files: 1 } }))
  @ApiConsumes(SPREADSHEET_TYPE, 'multipart/form-data')
  @ApiBody({
    schema: { type: 'string', format: 'binary' },
    description: 'The .xlsx file itself, or a form with it in the field `file` (at most 20 MB)',
  })
  @ApiOperation({
    summary:
      'Imports compounds, buildings, units, households and addresses from an .xlsx sheet (小区, 楼号, 单元, 户数, 地址)',
    description:
      'Every row is checked first; any problem answers 422 import_invalid listing each by row and column (rows[n].field) ' +
      'and nothing is written. Then one transaction: missing places are made, households and addresses updated in place ' +
      '(matched by the names compound / building / unit, so a re-import makes no duplicates); empty cells keep stored values. ' +
      'dryRun=true answers the same report without writing. Admins and coordinators.',
  })
  @ApiOkResponse({ description: 'dryRun, rows, created {compounds, buildings, units}, updated, unchanged' })
  @ApiForbiddenResponse({ description: 'Not an admin or coordinator' })
  @ApiUnprocessableEntityResponse({ description: 'Problems by row and column; nothing written' })
  import(
    @Query() query: LocationImportQueryDto,
    @Req() request: Request & { file?: { buffer: Buffer } },
    @CurrentActor() actor: Actor,
  ): Promise<LocationImportReportDto> {
    return this.imports.import(request.file?.buffer ?? request.body, actor, query.dryRun === true);
  }
}
