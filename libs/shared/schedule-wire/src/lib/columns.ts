/**
 * Column codecs of the compact schedule: how one field of every row is written as one JSON
 * array. Each codec is lossless: decode(encode(values)) gives the same values back.
 */

/** A column as it travels: plain values, dictionary indexes, or instants as integer steps. */
export type Column = unknown[] | DictColumn | InstantColumn;

/** Repeated values (ids of departments, statuses, local dates) stored once, rows refer to them by index. */
export interface DictColumn {
  dict: unknown[];
  at: number[];
}

/**
 * ISO instants as integer differences in `unit` ms (60,000 when every difference is whole
 * minutes, else 1) from a reference: the previous row's value of the same column, or another
 * instant of the same row (a finish from its start). null stays null.
 */
export interface InstantColumn {
  unit: number;
  step: (number | null)[];
}

const MINUTE = 60_000;

export function encodeDict(values: readonly unknown[]): DictColumn {
  const index = new Map<unknown, number>();
  const dict: unknown[] = [];
  const at = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let n = index.get(value);
    if (n === undefined) {
      n = dict.length;
      dict.push(value);
      index.set(value, n);
    }
    at[i] = n;
  }
  return { dict, at };
}

export function decodeDict(column: DictColumn): unknown[] {
  return column.at.map((n) => column.dict[n]);
}

/** An instant as an ISO string or epoch ms, as epoch ms (null kept). */
export function epochMs(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : Date.parse(value);
}

/**
 * Instants (epoch ms, null kept) as steps from `reference` (each row's base; null or
 * undefined there: 0), or from the previous row's value when there is no reference.
 */
export function encodeInstants(
  values: readonly (number | null)[],
  reference?: readonly (number | null)[],
): InstantColumn {
  const step = new Array<number | null>(values.length);
  let previous = 0;
  let minutes = true;
  for (let i = 0; i < values.length; i++) {
    const ms = values[i];
    if (ms === null) {
      step[i] = null;
      continue;
    }
    const base = reference ? (reference[i] ?? 0) : previous;
    step[i] = ms - base;
    if (minutes && (ms - base) % MINUTE !== 0) minutes = false;
    previous = ms;
  }
  if (minutes) for (let i = 0; i < step.length; i++) if (step[i] !== null) step[i] = (step[i] as number) / MINUTE;
  return { unit: minutes ? MINUTE : 1, step };
}

/** Epoch ms of an instant column (the inverse of encodeInstants, with the same reference). */
export function decodeInstants(column: InstantColumn, reference?: readonly (number | null)[]): (number | null)[] {
  const out = new Array<number | null>(column.step.length);
  let previous = 0;
  for (let i = 0; i < column.step.length; i++) {
    const step = column.step[i];
    if (step === null) {
      out[i] = null;
      continue;
    }
    const base = reference ? (reference[i] ?? 0) : previous;
    const ms = base + step * column.unit;
    out[i] = ms;
    previous = ms;
  }
  return out;
}
