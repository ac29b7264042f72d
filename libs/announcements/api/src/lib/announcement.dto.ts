import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VersionDto } from '@worksite/api-core';
import { ChannelKind } from '@worksite/shared-domain';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';

export class EditAnnouncementDto extends VersionDto {
  @ApiPropertyOptional({ description: 'The text to post, as edited (the generated text otherwise)', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  text?: string;

  @ApiPropertyOptional({ description: 'Why (the text is generated again with it)', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({ type: [String], description: 'Whom to call, e.g. "甄红波 13800000001"' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  contacts?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Departments and contractors at work' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  workers?: string[];
}

export class FollowUpDto extends VersionDto {
  @ApiPropertyOptional({ description: 'What to tell (default: "已恢复供电" … for the cut)', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text?: string;
}

const ROBOT_KINDS = [ChannelKind.WeCom, ChannelKind.DingTalk, ChannelKind.Feishu];

export class CreateLocationRobotDto {
  @ApiProperty({ enum: ROBOT_KINDS })
  @IsIn(ROBOT_KINDS)
  kind!: ChannelKind;

  @ApiProperty({ description: 'The robot webhook (https; checked against the outbound rules)', maxLength: 1000 })
  @IsString()
  @IsUrl({ require_protocol: true, require_tld: false, protocols: ['http', 'https'] })
  @MaxLength(1000)
  webhook!: string;

  @ApiPropertyOptional({ description: 'DingTalk/Feishu signing secret', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional({ description: "The residents' group name", maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;
}
