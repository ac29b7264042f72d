import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import { createTestApp, TestApp } from '../testing/test-app';

/**
 * The global validation pipe validates a whole @Body() or @Query() against the parameter's
 * class; a parameter typed as a bare object, `any` or a primitive would pass unvalidated. So
 * every such parameter of every controller the api serves must name a DTO class with rules.
 */
describe('every route validates its body and query', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('types every whole @Body() and @Query() with a validated DTO class', () => {
    const checked: string[] = [];
    const unvalidated: string[] = [];
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const prototype = wrapper.metatype?.prototype as object | undefined;
        if (!prototype) continue;
        for (const method of methodsOf(prototype)) {
          const args: Record<string, { index: number; data?: unknown }> =
            Reflect.getMetadata(ROUTE_ARGS_METADATA, prototype.constructor, method) ?? {};
          const types: unknown[] = Reflect.getMetadata('design:paramtypes', prototype, method) ?? [];
          for (const [key, arg] of Object.entries(args)) {
            const kind = Number(key.split(':')[0]);
            if ((kind !== RouteParamtypes.BODY && kind !== RouteParamtypes.QUERY) || arg.data !== undefined) continue;
            const type = types[arg.index] as (new () => object) | undefined;
            const where = `${prototype.constructor.name}.${method} ${kind === RouteParamtypes.BODY ? 'body' : 'query'}`;
            checked.push(where);
            const rules = type ? getMetadataStorage().getTargetValidationMetadatas(type, '', true, false) : [];
            if (!type || [Object, String, Number, Boolean, Array].includes(type as never) || rules.length === 0) {
              unvalidated.push(`${where}: ${type?.name ?? 'no type'}`);
            }
          }
        }
      }
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'AuthController.login body',
        'TasksController.create body',
        'TasksController.list query',
      ]),
    );
    expect(unvalidated).toEqual([]);
  });
});

/** The methods of a controller, its base classes' included (the CRUD routes are inherited). */
function methodsOf(prototype: object): string[] {
  const names = new Set<string>();
  for (let p = prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const name of Object.getOwnPropertyNames(p)) if (name !== 'constructor') names.add(name);
  }
  return [...names];
}
