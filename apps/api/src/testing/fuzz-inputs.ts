import fc from 'fast-check';

/** The parts of an OpenAPI document the fuzz inputs are derived from. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
}
export interface OpenApiOperation {
  parameters?: { name: string; in: string; schema?: OpenApiSchema }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
}
export interface OpenApiSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  $ref?: string;
  allOf?: OpenApiSchema[];
}

/** A body the app will refuse to parse, or parse as something else than an object. */
export class RawBody {
  constructor(readonly text: string) {}
}

const INSTANTS = ['2026-12-01T08:00:00+08:00', '2026-12-01T18:00:00Z', '2026-02-30T08:00:00+08:00', '2026-12-01T08:00'];

/** Values near what a field accepts: its enum, its limits and one past them, ids of real rows. */
function fieldValue(schema: OpenApiSchema, ids: string[]): fc.Arbitrary<unknown> {
  const near: fc.Arbitrary<unknown>[] = [];
  if (schema.enum?.length) near.push(fc.constantFrom(...schema.enum));
  if (schema.items?.enum?.length) near.push(fc.subarray(schema.items.enum));
  if (schema.type === 'integer' || schema.type === 'number') {
    const edges = [schema.minimum, schema.maximum].filter((edge): edge is number => edge !== undefined);
    near.push(fc.integer({ min: -5, max: 600 }), fc.constantFrom(0, 1, 2, ...edges, ...edges.map((e) => e + 1)));
  }
  if (schema.format === 'uuid' || schema.items?.format === 'uuid') near.push(fc.constantFrom(...ids), fc.uuid());
  if (schema.type === 'string') {
    near.push(fc.string({ maxLength: 12 }), fc.constantFrom(...INSTANTS, '2026-12-01', '08:00', '24:00'));
    if (schema.maxLength) near.push(fc.constant('汉'.repeat(schema.maxLength + 1)));
  }
  if (schema.type === 'boolean') near.push(fc.boolean());
  if (schema.type === 'array')
    near.push(fc.array(fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 6 })), { maxLength: 3 }));
  return fc.oneof(...near, fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, -1, 1e308, '', 'x'.repeat(300)));
}

/** The properties of a request body's schema, following $ref and allOf. */
function propertiesOf(schema: OpenApiSchema | undefined, docs: OpenApiDocument): Record<string, OpenApiSchema> {
  if (!schema) return {};
  if (schema.$ref) return propertiesOf(docs.components.schemas[schema.$ref.split('/').pop() as string], docs);
  return Object.assign({}, schema.properties ?? {}, ...(schema.allOf ?? []).map((part) => propertiesOf(part, docs)));
}

/**
 * Bodies for an operation: its real fields with values near what they accept (so requests
 * reach the deep checks), mixed with unknown fields, random JSON and text that is no JSON.
 */
export function bodyArbitrary(
  operation: OpenApiOperation | undefined,
  docs: OpenApiDocument,
  ids: string[],
): fc.Arbitrary<unknown> {
  const properties = propertiesOf(operation?.requestBody?.content['application/json']?.schema, docs);
  const names = Object.keys(properties);
  const known = names.length
    ? fc
        .subarray(names, { minLength: 1 })
        .chain((chosen) =>
          fc.record(Object.fromEntries(chosen.map((name) => [name, fieldValue(properties[name], ids)]))),
        )
    : fc.constant({});
  const unknown = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), {
    maxKeys: 2,
  });
  return fc.oneof(
    { weight: 6, arbitrary: known },
    { weight: 2, arbitrary: fc.tuple(known, unknown).map(([a, b]) => ({ ...b, ...a })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, new RawBody('{"unfinished": '), new RawBody('[1, 2')) },
  );
}

/**
 * A generated value as query text. Not String(): a JSON value may hold an object without a
 * prototype (a "__proto__" key), which String() cannot convert (seed 1149094982 made one).
 */
function queryText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** Query strings for an operation's documented query parameters (e.g. removeLinks). */
export function queryArbitrary(operation: OpenApiOperation | undefined, ids: string[]): fc.Arbitrary<string> {
  const parameters = (operation?.parameters ?? []).filter((parameter) => parameter.in === 'query');
  if (!parameters.length) return fc.constant('');
  return fc
    .record(
      Object.fromEntries(
        parameters.map((parameter) => [
          parameter.name,
          fc.option(
            fc.oneof(fc.constantFrom('true', 'false', '1', ''), fieldValue(parameter.schema ?? {}, ids)).map(queryText),
          ),
        ]),
      ),
    )
    .map((values) =>
      Object.entries(values)
        .filter(([, value]) => value !== null)
        .map(([name, value]) => `${name}=${encodeURIComponent(value as string)}`)
        .join('&'),
    );
}

/** Values for a path parameter: ids of real rows of the resource (own and others'), random UUIDs, junk. */
export function pathParameterArbitrary(samples: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...samples) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
  );
}
