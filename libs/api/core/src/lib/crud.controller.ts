import { Body, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@worksite/auth-access';
import { VersionedEntity } from '@worksite/server-data-access';
import { ApiError, problem } from './api-error';
import { CrudService, VersionedUpdate } from './crud.service';
import { Page, PageJson, PageQueryDto } from './pagination';

/** Parses an `:id` path parameter, answering 400 for anything but a UUID. */
export const ID_PIPE = new ParseUUIDPipe({
  exceptionFactory: () => ApiError.badRequest('id_not_uuid', [problem('id', 'isUuid')]),
});

export interface CrudControllerOptions<C, U, Q> {
  /** Human name, e.g. "crew". */
  name: string;
  createDto: Type<C>;
  updateDto: Type<U>;
  queryDto: Type<Q>;
  /** The service class to inject. */
  service: Type<unknown>;
}

/**
 * The five REST routes of a resource (list, get, create, update, delete), each validated
 * against its DTO class by the global validation pipe. A concrete controller only adds
 * `@Controller('crews')` and tags.
 */
export function CrudController<
  E extends VersionedEntity,
  C extends object,
  U extends VersionedUpdate,
  Q extends PageQueryDto,
>(options: CrudControllerOptions<C, U, Q>) {
  @ApiBearerAuth()
  abstract class CrudControllerBase {
    constructor(@Inject(options.service) protected readonly service: CrudService<E, C, U>) {}

    @Get()
    @ApiOperation({ summary: `List ${options.name}s (filtered, paginated)` })
    /** A controller may answer its page as JSON text (PageJson), with its own Content-Type. */
    list(@Query() query: Q, @CurrentActor() actor: Actor): Promise<Page<E> | PageJson> {
      return this.service.list(query, actor);
    }

    @Get(':id')
    @ApiOperation({ summary: `Get one ${options.name}` })
    get(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<E> {
      return this.service.get(id, actor);
    }

    @Post()
    @ApiOperation({ summary: `Create a ${options.name}` })
    create(@Body() dto: C, @CurrentActor() actor: Actor): Promise<E> {
      return this.service.create(dto, actor);
    }

    @Patch(':id')
    @ApiOperation({
      summary: `Change a ${options.name}; send the version you read (409 if it changed since)`,
    })
    update(@Param('id', ID_PIPE) id: string, @Body() dto: U, @CurrentActor() actor: Actor): Promise<E> {
      return this.service.update(id, dto, actor);
    }

    @Delete(':id')
    @HttpCode(204)
    @ApiOperation({ summary: `Delete a ${options.name}` })
    @ApiNoContentResponse()
    remove(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<void> {
      return this.service.remove(id, actor);
    }
  }
  // TypeScript records a generic parameter's type as Object; name the real DTO classes, so the
  // global validation pipe validates against them and the OpenAPI document lists their fields.
  const parameterTypes: Record<string, unknown[]> = {
    list: [options.queryDto, Object],
    create: [options.createDto, Object],
    update: [String, options.updateDto, Object],
  };
  for (const [method, types] of Object.entries(parameterTypes)) {
    Reflect.defineMetadata('design:paramtypes', types, CrudControllerBase.prototype, method);
  }
  return CrudControllerBase;
}
