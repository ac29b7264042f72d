import { Module } from '@nestjs/common';
import { SchedulingDataModule } from '@worksite/scheduling-data-access';
import { ImportController } from './import.controller';
import { ImportService } from './import.service';
import { XlsxImportService } from './xlsx/xlsx-import.service';

/** Imports of tasks and links: JSON, Excel and MS Project XML (one transaction, one scheduling pass). */
@Module({
  imports: [SchedulingDataModule],
  controllers: [ImportController],
  providers: [ImportService, XlsxImportService],
  exports: [ImportService],
})
export class ImportModule {}
