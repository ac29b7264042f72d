import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrudController } from '@worksite/api-core';
import { CrewEntity } from '@worksite/server-data-access';
import { CreateCrewDto, CrewQueryDto, UpdateCrewDto } from './crew.dto';
import { CrewsService } from './crews.service';

@ApiTags('crews')
@Controller('crews')
export class CrewsController extends CrudController<CrewEntity, CreateCrewDto, UpdateCrewDto, CrewQueryDto>({
  name: 'crew',
  createDto: CreateCrewDto,
  updateDto: UpdateCrewDto,
  queryDto: CrewQueryDto,
  service: CrewsService,
}) {}
