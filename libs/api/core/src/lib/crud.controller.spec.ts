import { PageQueryDto } from './pagination';
import { CrudController } from './crud.controller';
import { VersionDto } from './version.dto';

class CreateThingDto {
  name!: string;
}
class UpdateThingDto extends VersionDto {}
class ThingQueryDto extends PageQueryDto {}
class ThingService {}

describe('CrudController', () => {
  it('names the DTO classes of its generic parameters, for the global validation pipe and the OpenAPI document', () => {
    const Controller = CrudController({
      name: 'thing',
      createDto: CreateThingDto,
      updateDto: UpdateThingDto,
      queryDto: ThingQueryDto,
      service: ThingService,
    });
    const types = (method: string) => Reflect.getMetadata('design:paramtypes', Controller.prototype, method);
    expect(types('list')).toEqual([ThingQueryDto, Object]);
    expect(types('create')).toEqual([CreateThingDto, Object]);
    expect(types('update')).toEqual([String, UpdateThingDto, Object]);
  });
});
