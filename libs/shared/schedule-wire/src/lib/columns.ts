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

/** Epoch ms of ISO instants (null kept); `reference` gives each row's base, undefined: the previous row. */
export function encodeInstants(values: readonly (string | null)[], reference?: readonly (string | null)[]): InstantColumn {
  const step = new Array<number | null>(values.length);
  let previous = 0;
  let minutes = true;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null) {
      step[i] = null;
      continue;
    }
    const ms = Date.parse(value);
    const base = reference ? referenceMs(reference[i]) : previous;
    step[i] = ms - base;
    if (minutes && (ms - base) % MINUTE !== 0) minutes = false;
    previous = ms;
  }
  if (minutes) for (let i = 0; i < step.length; i++) if (step[i] !== null) step[i] = (step[i] as number) / MINUTE;
  return { unit: minutes ? MINUTE : 1, step };
}

export function decodeInstants(column: InstantColumn, reference?: readonly (string | null)[]): (string | null)[] {
  const out = new Array<string | null>(column.step.length);
  let previous = 0;
  for (let i = 0; i < column.step.length; i++) {
    const step = column.step[i];
    if (step === null) {
      out[i] = null;
      continue;
    }
    const base = reference ? referenceMs(reference[i]) : previous;
    const ms = base + step * column.unit;
    out[i] = new Date(ms).toISOString();
    previous = ms;
  }
  return out;
}

const referenceMs = (value: string | null | undefined): number => (value ? Date.parse(value) : 0);
