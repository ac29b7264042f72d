import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

/** Mixed into every update DTO: the version the client last read. */
export class VersionDto {
  @ApiProperty({
    description: 'The version you last read; a stale version answers 409',
    minimum: 1,
  })
  @IsInt()
  @Min(1)
  version!: number;
}
