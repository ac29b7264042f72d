import { INestApplication } from '@nestjs/common';
import { allTables } from '@worksite/server-testing';
import { DataSource } from 'typeorm';

export type WriteMethod = 'post' | 'put' | 'patch' | 'delete';

/** A route that may change something, as the HTTP router has it (`/api/tasks/:id`). */
export interface WriteRoute {
  method: WriteMethod;
  path: string;
}

export interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
  /** The path a router was mounted at (express 5). */
  rawPath?: unknown;
  handle?: { stack?: RouterLayer[] };
}

const WRITE_METHODS: WriteMethod[] = ['post', 'put', 'patch', 'delete'];

/** Where Nest mounts middleware meant for every route (the request logger): not a route of its own. */
const MIDDLEWARE_MOUNT = /\{\/\*splat\}$/;

/** The write routes of a router's layers, and of the routers mounted in it. */
function routesOf(stack: RouterLayer[], prefix = ''): WriteRoute[] {
  return stack.flatMap((layer) => {
    const route = layer.route;
    if (route && MIDDLEWARE_MOUNT.test(route.path)) return [];
    if (route) {
      return WRITE_METHODS.filter((method) => route.methods[method]).map((method) => ({
        method,
        path: `${prefix}${route.path}`,
      }));
    }
    const nested = layer.handle?.stack;
    if (!nested || typeof layer.rawPath !== 'string') return [];
    return routesOf(nested, `${prefix}${layer.rawPath === '/' ? '' : layer.rawPath}`);
  });
}

/**
 * Every write route the running app serves, read from its express router, and those of the
 * express routers it mounts (the queue dashboard): a route added tomorrow is listed without
 * anyone editing a test.
 */
export function writeRoutesOf(
  app: INestApplication,
  mounted: { prefix: string; stack: RouterLayer[] }[] = [],
): WriteRoute[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  return [...routesOf(express.router.stack), ...mounted.flatMap(({ prefix, stack }) => routesOf(stack, prefix))];
}

/** The route's path with OpenAPI's placeholders: /api/tasks/:id → /api/tasks/{id}. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/**
 * A checksum of every table's content in one round trip: equal checksums mean nothing was
 * written (cheaper than a query per table when it is taken before and after each request).
 */
export function databaseChecksum(dataSource: DataSource): () => Promise<string> {
  const sql = `SELECT md5(string_agg(part, ',' ORDER BY part)) AS sum FROM (${allTables(dataSource)
    .map(
      (table) =>
        `SELECT '${table}:' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS part FROM "${table}" x`,
    )
    .join(' UNION ALL ')}) parts`;
  return async () => ((await dataSource.query(sql)) as { sum: string }[])[0].sum;
}
