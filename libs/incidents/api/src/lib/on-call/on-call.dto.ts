import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OnCallRosterRequest } from '@worksite/shared-domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class OnCallShiftBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  crewId!: string;

  @ApiProperty({ format: 'date-time' })
  @IsDateString({ strict: true })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  @IsDateString({ strict: true })
  endsAt!: string;
}

export class OnCallRosterBody implements OnCallRosterRequest {
  @ApiPropertyOptional({ description: 'The version you read (0 or absent when the department had no roster)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;

  @ApiPropertyOptional({ nullable: true, example: '赵德明' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @Length(1, 100)
  dutyLeadName?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '13800240100' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @Length(3, 30)
  dutyLeadPhone?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all')
  defaultCrewId?: string | null;

  @ApiProperty({ type: [OnCallShiftBody] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => OnCallShiftBody)
  shifts!: OnCallShiftBody[];
}
