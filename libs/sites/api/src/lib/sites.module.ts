import { Module } from '@nestjs/common';
import { LocationImportController } from './location-import.controller';
import { LocationImportService } from './location-import.service';
import { LocationsController } from './locations.controller';
import { LocationsService } from './locations.service';

/** Compounds, buildings, units and street segments, and the community from a sheet. */
@Module({
  // The import's fixed paths first: the CRUD routes' `:id` would take them.
  controllers: [LocationImportController, LocationsController],
  providers: [LocationsService, LocationImportService],
  exports: [LocationsService],
})
export class SitesModule {}
