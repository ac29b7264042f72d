import { Module } from '@nestjs/common';
import { SchedulingDataModule } from '@worksite/scheduling-data-access';
import { ImportController } from './import.controller';
import { ImportService } from './import.service';
import { MspdiService } from './mspdi/mspdi.service';
import { XlsxImportService } from './xlsx/xlsx-import.service';

/** Imports of tasks and links: JSON, Excel and MS Project XML (one transaction, one scheduling pass). */
@Module({
  imports: [SchedulingDataModule],
  controllers: [ImportController],
  providers: [ImportService, XlsxImportService, MspdiService],
  exports: [ImportService],
})
export class ImportModule {}
