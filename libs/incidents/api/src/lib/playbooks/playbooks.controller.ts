import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrudController } from '@worksite/api-core';
import { PlaybookEntity } from '@worksite/server-data-access';
import { CreatePlaybookDto, PlaybookQueryDto, UpdatePlaybookDto } from './playbook.dto';
import { PlaybooksService } from './playbooks.service';

/**
 * `/api/playbooks`: what to do per incident kind (departments to call in, steps with their order
 * and usual durations, materials, tools, safety notes). Admins, coordinators and viewers read
 * them; only admins create, change and delete them.
 */
@ApiTags('incidents')
@Controller('playbooks')
export class PlaybooksController extends CrudController<
  PlaybookEntity,
  CreatePlaybookDto,
  UpdatePlaybookDto,
  PlaybookQueryDto
>({
  name: 'playbook',
  createDto: CreatePlaybookDto,
  updateDto: UpdatePlaybookDto,
  queryDto: PlaybookQueryDto,
  service: PlaybooksService,
}) {}
