import { LocationParents } from './conflict-types';

const MAX_DEPTH = 32;

/** Ancestor lookups over a location parent map, cached per location. */
export class LocationTree {
  private readonly cache = new Map<string, readonly string[]>();
  private readonly parentOf: (id: string) => string | null | undefined;

  constructor(parents: LocationParents | undefined) {
    if (!parents) this.parentOf = () => undefined;
    else if (parents instanceof Map) this.parentOf = (id) => parents.get(id);
    else {
      const record = parents as Readonly<Record<string, string | null | undefined>>;
      this.parentOf = (id) => (Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined);
    }
  }

  /** The location itself, then its parent, grandparent… (a cyclic map is cut off). */
  selfAndAncestors(id: string): readonly string[] {
    let chain = this.cache.get(id);
    if (chain) return chain;
    const list = [id];
    for (let p = this.parentOf(id); p && list.length < MAX_DEPTH && !list.includes(p); p = this.parentOf(p)) {
      list.push(p);
    }
    chain = list;
    this.cache.set(id, chain);
    return chain;
  }
}
