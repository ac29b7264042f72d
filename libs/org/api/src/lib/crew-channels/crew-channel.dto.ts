import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { PageQueryDto, VersionDto } from '@worksite/api-core';
import { ChannelKind } from '@worksite/shared-domain';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength, Validate } from 'class-validator';
import { ChannelAddressRule } from './channel-address.rule';

export class CreateCrewChannelDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  crewId!: string;

  @ApiProperty({ enum: ChannelKind })
  @IsEnum(ChannelKind)
  kind!: ChannelKind;

  @ApiProperty({
    description: 'Email address (email), mobile number (sms), or the robot webhook URL (wecom, dingtalk, feishu)',
    example: 'dianlan1@example.com',
  })
  @IsString()
  @Length(1, 500)
  @Validate(ChannelAddressRule)
  address!: string;

  @ApiPropertyOptional({
    description: 'Robot signing secret (DingTalk, Feishu); write-only',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateCrewChannelDto extends IntersectionType(PartialType(CreateCrewChannelDto), VersionDto) {}

export class CrewChannelQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  crewId?: string;

  @ApiPropertyOptional({ enum: ChannelKind })
  @IsOptional()
  @IsEnum(ChannelKind)
  kind?: ChannelKind;
}
