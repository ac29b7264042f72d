import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'coordinator' })
  @IsString()
  @Length(1, 100)
  username!: string;

  @ApiProperty({ example: 'demo-coordinator-2026' })
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class RefreshDto {
  @ApiPropertyOptional({ description: 'For clients without cookies; browsers send the HttpOnly cookie instead' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  currentPassword!: string;

  @ApiProperty({
    minLength: 10,
    maxLength: 200,
    description: '10–200 characters, not containing the username, not a common password (400 weak_password)',
  })
  // Only the type here: the length and the rest are the password policy's (one rule, one answer).
  @IsString()
  newPassword!: string;
}

/** What login and refresh return (the refresh token also goes into an HttpOnly cookie). */
export interface TokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  /**
   * The new refresh token (also set as the cookie). Absent when a refresh inside the grace
   * window answered a token a concurrent refresh had just rotated: that one's cookie stays.
   */
  refreshToken?: string;
  user: {
    id: string;
    username: string;
    displayName: string;
    role: string;
    language: string;
    departmentId: string | null;
    crewIds: string[];
    projectIds: string[];
  };
}
