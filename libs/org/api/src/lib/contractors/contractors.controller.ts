import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrudController } from '@worksite/api-core';
import { ContractorEntity } from '@worksite/server-data-access';
import { ContractorQueryDto, CreateContractorDto, UpdateContractorDto } from './contractor.dto';
import { ContractorsService } from './contractors.service';

@ApiTags('contractors')
@Controller('contractors')
export class ContractorsController extends CrudController<
  ContractorEntity,
  CreateContractorDto,
  UpdateContractorDto,
  ContractorQueryDto
>({
  name: 'contractor',
  createDto: CreateContractorDto,
  updateDto: UpdateContractorDto,
  queryDto: ContractorQueryDto,
  service: ContractorsService,
}) {}
