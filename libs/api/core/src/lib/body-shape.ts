import { MessageKey } from '@worksite/shared-i18n';

/** How big a parsed JSON body may be before any validation looks at it. */
export interface BodyShapeLimits {
  /** Nesting of objects and lists (our deepest DTO, weeklyWindows.1.0.start, has 4). */
  depth: number;
  /** Fields of one object (our largest DTO has about 25). */
  keys: number;
  /** Items of one list (the largest list a DTO allows has 500). */
  items: number;
  /** Values in the whole body, leaves included. */
  values: number;
}

export const BODY_SHAPE_LIMITS: BodyShapeLimits = { depth: 32, keys: 200, items: 1000, values: 20_000 };

/** Why a body is refused, with the limit it broke. */
export interface BodyShapeProblem {
  key: Extract<MessageKey, 'body_too_deep' | 'body_too_many_keys' | 'body_too_many_items' | 'body_too_many_values'>;
  limit: number;
}

/**
 * Checks the shape of a parsed body without recursion and stops at the first limit broken, so
 * a body of 90,000 fields or 10,000 levels costs one cheap walk instead of a validation run
 * (and an answer) the size of the body.
 */
export function bodyShapeProblem(body: unknown, limits: BodyShapeLimits = BODY_SHAPE_LIMITS): BodyShapeProblem | null {
  const stack: [unknown, number][] = [[body, 1]];
  let values = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (++values > limits.values) return { key: 'body_too_many_values', limit: limits.values };
    if (typeof value !== 'object' || value === null) continue;
    if (depth > limits.depth) return { key: 'body_too_deep', limit: limits.depth };
    if (Array.isArray(value)) {
      if (value.length > limits.items) return { key: 'body_too_many_items', limit: limits.items };
      for (const item of value) stack.push([item, depth + 1]);
    } else {
      let keys = 0;
      for (const key in value) {
        if (++keys > limits.keys) return { key: 'body_too_many_keys', limit: limits.keys };
        stack.push([(value as Record<string, unknown>)[key], depth + 1]);
      }
    }
  }
  return null;
}
