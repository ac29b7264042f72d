import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ID_PIPE } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import { OnCallRosterDto } from '@worksite/shared-domain';
import { OnCallRosterBody } from './on-call.dto';
import { OnCallService } from './on-call.service';

/** `/api/on-call`: the departments' on-call rosters (duty lead, crews on duty when). */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('on-call')
export class OnCallController {
  constructor(private readonly rosters: OnCallService) {}

  @Get()
  @ApiOperation({ summary: 'Every department’s on-call roster (empty where none is kept)' })
  list(@CurrentActor() actor: Actor): Promise<OnCallRosterDto[]> {
    return this.rosters.list(actor);
  }

  @Get(':departmentId')
  @ApiOperation({ summary: 'One department’s on-call roster, with the crew on duty now' })
  get(@Param('departmentId', ID_PIPE) departmentId: string, @CurrentActor() actor: Actor): Promise<OnCallRosterDto> {
    return this.rosters.get(departmentId, actor);
  }

  @Put(':departmentId')
  @ApiOperation({ summary: 'Replace a department’s roster; send the version you read (409 if it changed)' })
  put(
    @Param('departmentId', ID_PIPE) departmentId: string,
    @Body() body: OnCallRosterBody,
    @CurrentActor() actor: Actor,
  ): Promise<OnCallRosterDto> {
    return this.rosters.put(departmentId, body, actor);
  }
}
