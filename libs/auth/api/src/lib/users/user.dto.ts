import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { PageQueryDto, VersionDto } from '@worksite/api-core';
import { Language, Role } from '@worksite/shared-domain';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

export class CreateUserDto {
  @ApiProperty({ example: 'zhen.hongbo' })
  @Matches(/^[A-Za-z0-9._-]{3,50}$/, { context: { message: 'usernameFormat' } })
  username!: string;

  @ApiProperty({ example: '甄鸿波' })
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @ApiProperty({ minLength: 10, description: 'Write-only; stored as an argon2id hash' })
  @IsString()
  @Length(10, 200, { message: 'password must be 10 to 200 characters long' })
  password!: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role)
  role!: Role;

  @ApiPropertyOptional({ enum: Language })
  @IsOptional()
  @IsEnum(Language)
  language?: Language;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Agency users: their department' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all')
  departmentId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Contractors: the crews they lead' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  crewIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Coordinators: the projects they manage' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  projectIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateUserDto extends IntersectionType(PartialType(CreateUserDto), VersionDto) {}

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ description: 'Part of the username or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
