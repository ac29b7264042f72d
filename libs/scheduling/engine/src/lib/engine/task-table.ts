/** Constraint codes stored per task. */
export const CONS_NONE = 0;
export const CONS_SNET = 1;
export const CONS_FNLT = 2;
export const CONS_MSO = 3;

/**
 * Tasks as columns of typed arrays indexed by slot. Positions are cumulative working ms of
 * the project calendar (see WorkingCalendar); instants are epoch ms. A removed task keeps
 * its slot (alive = 0) so indices never shift.
 */
export class TaskTable {
  count = 0;
  ids: string[] = [];
  readonly index = new Map<string, number>();
  alive: Uint8Array;
  manual: Uint8Array;
  /** Working duration (ms); for a manual task, the working time between its pins. */
  dur: Float64Array;
  consType: Uint8Array;
  consAt: Float64Array;
  consPos: Float64Array;
  /** Manual pins: instants and their positions. */
  pinStart: Float64Array;
  pinFinish: Float64Array;
  pinStartPos: Float64Array;
  pinFinishPos: Float64Array;
  es: Float64Array;
  ef: Float64Array;
  ls: Float64Array;
  lf: Float64Array;
  /** Free float (working ms), computed with the late dates. */
  ff: Float64Array;

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.alive = new Uint8Array(c);
    this.manual = new Uint8Array(c);
    this.dur = new Float64Array(c);
    this.consType = new Uint8Array(c);
    this.consAt = new Float64Array(c);
    this.consPos = new Float64Array(c);
    this.pinStart = new Float64Array(c);
    this.pinFinish = new Float64Array(c);
    this.pinStartPos = new Float64Array(c);
    this.pinFinishPos = new Float64Array(c);
    this.es = new Float64Array(c);
    this.ef = new Float64Array(c);
    this.ls = new Float64Array(c);
    this.lf = new Float64Array(c);
    this.ff = new Float64Array(c);
  }

  get capacity(): number {
    return this.alive.length;
  }

  /** Reserves a new dead slot for `id` and returns its index. */
  allocate(id: string): number {
    if (this.count === this.capacity) this.resize(this.capacity * 2);
    const i = this.count++;
    this.ids[i] = id;
    return i;
  }

  private resize(size: number): void {
    this.alive = growU8(this.alive, size);
    this.manual = growU8(this.manual, size);
    this.dur = growF64(this.dur, size);
    this.consType = growU8(this.consType, size);
    this.consAt = growF64(this.consAt, size);
    this.consPos = growF64(this.consPos, size);
    this.pinStart = growF64(this.pinStart, size);
    this.pinFinish = growF64(this.pinFinish, size);
    this.pinStartPos = growF64(this.pinStartPos, size);
    this.pinFinishPos = growF64(this.pinFinishPos, size);
    this.es = growF64(this.es, size);
    this.ef = growF64(this.ef, size);
    this.ls = growF64(this.ls, size);
    this.lf = growF64(this.lf, size);
    this.ff = growF64(this.ff, size);
  }
}

/** The inputs of one task that a change may overwrite (saved to undo it). */
export interface TaskInputState {
  manual: number;
  dur: number;
  consType: number;
  consAt: number;
  consPos: number;
  pinStart: number;
  pinFinish: number;
  pinStartPos: number;
  pinFinishPos: number;
}

export function readTaskInputs(t: TaskTable, i: number): TaskInputState {
  return {
    manual: t.manual[i],
    dur: t.dur[i],
    consType: t.consType[i],
    consAt: t.consAt[i],
    consPos: t.consPos[i],
    pinStart: t.pinStart[i],
    pinFinish: t.pinFinish[i],
    pinStartPos: t.pinStartPos[i],
    pinFinishPos: t.pinFinishPos[i],
  };
}

export function writeTaskInputs(t: TaskTable, i: number, s: TaskInputState): void {
  t.manual[i] = s.manual;
  t.dur[i] = s.dur;
  t.consType[i] = s.consType;
  t.consAt[i] = s.consAt;
  t.consPos[i] = s.consPos;
  t.pinStart[i] = s.pinStart;
  t.pinFinish[i] = s.pinFinish;
  t.pinStartPos[i] = s.pinStartPos;
  t.pinFinishPos[i] = s.pinFinishPos;
}

export function growF64(a: Float64Array, size: number): Float64Array {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}

export function growU8(a: Uint8Array, size: number): Uint8Array {
  const b = new Uint8Array(size);
  b.set(a);
  return b;
}

export function growI32(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

export function growU32(a: Uint32Array, size: number): Uint32Array {
  const b = new Uint32Array(size);
  b.set(a);
  return b;
}
