import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrudController } from '@worksite/api-core';
import { LocationEntity } from '@worksite/server-data-access';
import { CreateLocationDto, LocationQueryDto, UpdateLocationDto } from './location.dto';
import { LocationsService } from './locations.service';

@ApiTags('locations')
@Controller('locations')
export class LocationsController extends CrudController<
  LocationEntity,
  CreateLocationDto,
  UpdateLocationDto,
  LocationQueryDto
>({
  name: 'location',
  createDto: CreateLocationDto,
  updateDto: UpdateLocationDto,
  queryDto: LocationQueryDto,
  service: LocationsService,
}) {}
