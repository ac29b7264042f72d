import { Module } from '@nestjs/common';
import { ContractorsController } from './contractors/contractors.controller';
import { ContractorsService } from './contractors/contractors.service';
import { CrewChannelsController } from './crew-channels/crew-channels.controller';
import { CrewChannelsService } from './crew-channels/crew-channels.service';
import { CrewsController } from './crews/crews.controller';
import { CrewsService } from './crews/crews.service';
import { DepartmentsController } from './departments/departments.controller';
import { DepartmentsService } from './departments/departments.service';

/** Departments, contractors, crews and the channels crews are reached on. */
@Module({
  controllers: [DepartmentsController, ContractorsController, CrewsController, CrewChannelsController],
  providers: [DepartmentsService, ContractorsService, CrewsService, CrewChannelsService],
  exports: [DepartmentsService, ContractorsService, CrewsService, CrewChannelsService],
})
export class OrgModule {}
