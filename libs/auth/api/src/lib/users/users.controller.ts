import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrudController } from '@worksite/api-core';
import { UserEntity } from '@worksite/server-data-access';
import { CreateUserDto, UpdateUserDto, UserQueryDto } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController extends CrudController<UserEntity, CreateUserDto, UpdateUserDto, UserQueryDto>({
  name: 'user',
  createDto: CreateUserDto,
  updateDto: UpdateUserDto,
  queryDto: UserQueryDto,
  service: UsersService,
}) {}
