import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstantRule, IsLocalDateRule, PageQueryDto } from '@worksite/api-core';
import { ChannelKind, DeliveryPurpose, DeliveryStatus, NoticeReason, NoticeRunStatus } from '@worksite/shared-domain';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsEnum, IsIn, IsOptional, IsUUID, Validate } from 'class-validator';

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : value;
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class NoticeRunQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ example: '2026-11-29', description: 'The local date the notices are for' })
  @IsOptional()
  @Validate(IsLocalDateRule)
  date?: string;

  @ApiPropertyOptional({ enum: NoticeRunStatus })
  @IsOptional()
  @IsEnum(NoticeRunStatus)
  status?: NoticeRunStatus;
}

export class SendNoticesDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  projectId!: string;

  @ApiPropertyOptional({
    example: '2026-11-29',
    description: "The local date to send notices for: today or tomorrow in the project's zone (default tomorrow)",
  })
  @IsOptional()
  @Validate(IsLocalDateRule)
  date?: string;
}

export class AcknowledgeNoticeDto {
  @ApiPropertyOptional({
    example: '2026-11-29T21:05:00+08:00',
    description:
      'When the lead tapped 收到 (a phone sends it when back online); at most 5 minutes ahead of the server, at most 7 days ago. Default: now',
  })
  @IsOptional()
  @Validate(IsInstantRule)
  tappedAt?: string;
}

export class NoticeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026-11-29' })
  @IsOptional()
  @Validate(IsLocalDateRule)
  date?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  crewId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  runId?: string;

  @ApiPropertyOptional({ enum: NoticeReason })
  @IsOptional()
  @IsEnum(NoticeReason)
  reason?: NoticeReason;

  @ApiPropertyOptional({ description: 'true: acknowledged ones; false: not acknowledged' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  acknowledged?: boolean;

  @ApiPropertyOptional({ description: 'Only the latest revision of each crew and date (default false)' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  latest?: boolean;
}

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026-11-29', description: 'Local date of the notice' })
  @IsOptional()
  @Validate(IsLocalDateRule)
  date?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  crewId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  noticeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  runId?: string;

  @ApiPropertyOptional({
    description: 'Comma-separated statuses',
    example: 'failed,unknown',
    enum: DeliveryStatus,
    isArray: true,
  })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsEnum(DeliveryStatus, { each: true })
  status?: DeliveryStatus[];

  @ApiPropertyOptional({ enum: ChannelKind })
  @IsOptional()
  @IsEnum(ChannelKind)
  kind?: ChannelKind;

  @ApiPropertyOptional({ enum: DeliveryPurpose })
  @IsOptional()
  @IsIn(Object.values(DeliveryPurpose))
  purpose?: DeliveryPurpose;
}

export class EscalationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ example: '2026-11-29' })
  @IsOptional()
  @Validate(IsLocalDateRule)
  date?: string;
}
