import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrudController } from '@worksite/api-core';
import { CrewChannelEntity } from '@worksite/server-data-access';
import { CreateCrewChannelDto, CrewChannelQueryDto, UpdateCrewChannelDto } from './crew-channel.dto';
import { CrewChannelsService } from './crew-channels.service';

@ApiTags('crew channels')
@Controller('crew-channels')
export class CrewChannelsController extends CrudController<
  CrewChannelEntity,
  CreateCrewChannelDto,
  UpdateCrewChannelDto,
  CrewChannelQueryDto
>({
  name: 'crew channel',
  createDto: CreateCrewChannelDto,
  updateDto: UpdateCrewChannelDto,
  queryDto: CrewChannelQueryDto,
  service: CrewChannelsService,
}) {}
