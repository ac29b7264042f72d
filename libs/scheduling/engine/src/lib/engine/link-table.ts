import { DependencyType } from '@worksite/shared-domain';
import { growF64, growI32, growU8 } from './task-table';

/**
 * Link type codes stored per link, as two bits so the passes need no switch:
 * bit 0 set = the predecessor's start is the anchor (SS, SF), else its finish;
 * bit 1 set = the successor's finish is constrained (FF, SF), else its start.
 */
export const KIND_FS = 0;
export const KIND_SS = 1;
export const KIND_FF = 2;
export const KIND_SF = 3;
export const KIND_PRED_START = 1;
export const KIND_SUCC_FINISH = 2;

const KIND_OF: Readonly<Record<string, number>> = {
  [DependencyType.FS]: KIND_FS,
  [DependencyType.SS]: KIND_SS,
  [DependencyType.FF]: KIND_FF,
  [DependencyType.SF]: KIND_SF,
};

const TYPE_OF: readonly DependencyType[] = [DependencyType.FS, DependencyType.SS, DependencyType.FF, DependencyType.SF];

/** Code of a dependency type, or -1 when it is not one. */
export function linkKindOf(type: DependencyType | undefined): number {
  if (type === undefined) return KIND_FS;
  const kind = KIND_OF[type];
  return kind === undefined ? -1 : kind;
}

export function dependencyTypeOf(kind: number): DependencyType {
  return TYPE_OF[kind];
}

/** Links as columns of typed arrays indexed by slot; lags in working ms. */
export class LinkTable {
  count = 0;
  ids: string[] = [];
  readonly index = new Map<string, number>();
  alive: Uint8Array;
  from: Int32Array;
  to: Int32Array;
  kind: Uint8Array;
  lag: Float64Array;

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.alive = new Uint8Array(c);
    this.from = new Int32Array(c);
    this.to = new Int32Array(c);
    this.kind = new Uint8Array(c);
    this.lag = new Float64Array(c);
  }

  /** Reserves a new dead slot and returns its index. */
  allocate(id: string, from: number, to: number, kind: number, lag: number): number {
    if (this.count === this.alive.length) {
      const size = this.alive.length * 2;
      this.alive = growU8(this.alive, size);
      this.from = growI32(this.from, size);
      this.to = growI32(this.to, size);
      this.kind = growU8(this.kind, size);
      this.lag = growF64(this.lag, size);
    }
    const l = this.count++;
    this.ids[l] = id;
    this.from[l] = from;
    this.to[l] = to;
    this.kind[l] = kind;
    this.lag[l] = lag;
    return l;
  }
}
