import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@worksite/server-config';
import type { CookieOptions, Request, Response } from 'express';
import { ChangePasswordDto, LoginDto, RefreshDto, TokenResponse } from './auth.dto';
import { AuthService } from './auth.service';
import { Actor, CurrentActor, Public, StrictRateLimit } from '@worksite/auth-access';

export const REFRESH_COOKIE = 'ws_refresh';

/**
 * Sessions: a short-lived bearer access token in the response body (kept in memory by the
 * web app) and a rotating refresh token in an HttpOnly, SameSite=Strict cookie scoped to
 * /api/auth, so page scripts never see it.
 */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @StrictRateLimit()
  @ApiOperation({ summary: 'Log in; returns an access token and sets the refresh cookie' })
  async login(
    @Body() dto: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenResponse> {
    const tokens = await this.auth.login(dto.username, dto.password, request.headers['user-agent']);
    response.cookie(REFRESH_COOKIE, tokens.refreshToken as string, this.cookieOptions());
    return tokens;
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'New access token from the refresh cookie (or body); the refresh token rotates',
    description:
      'A refresh token that was already rotated, presented again, ends the whole session (401 session_revoked), ' +
      'except the one rotated in the last 10 seconds (two tabs refreshing at once): that gets an access token only.',
  })
  async refresh(
    @Body() dto: RefreshDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenResponse> {
    const tokens = await this.auth.refresh(dto?.refreshToken ?? request.cookies?.[REFRESH_COOKIE]);
    if (tokens.refreshToken) response.cookie(REFRESH_COOKIE, tokens.refreshToken, this.cookieOptions());
    return tokens;
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session: its refresh token stops working' })
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(actor);
    response.clearCookie(REFRESH_COOKIE, this.cookieOptions());
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who I am and what my role covers' })
  me(@CurrentActor() actor: Actor): Omit<Actor, 'sessionId'> {
    const { sessionId: _session, ...me } = actor;
    return me;
  }

  @Post('password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change my password; my other sessions end',
    description: 'The new password: 10–200 characters, not containing the username, not a common password.',
  })
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  private cookieOptions(): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.PUBLIC_URL.startsWith('https:'),
      path: '/api/auth',
      maxAge: this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000,
    };
  }
}
