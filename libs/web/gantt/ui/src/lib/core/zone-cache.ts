import { IANAZone, Zone } from 'luxon';

const BUCKET = 15 * 60_000;
const MAX_ENTRIES = 50_000;

/**
 * An IANA zone whose offsets are memoized per 15 minutes. Luxon computes each offset
 * through `Intl.DateTimeFormat#formatToParts`, the costliest step of laying out a time
 * scale; zone transitions fall on quarter-hour boundaries, so the cache is exact.
 */
class CachedIANAZone extends IANAZone {
  private readonly offsets = new Map<number, number>();

  override offset(ts: number): number {
    const bucket = Math.floor(ts / BUCKET);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      if (this.offsets.size >= MAX_ENTRIES) this.offsets.clear();
      offset = super.offset(ts);
      this.offsets.set(bucket, offset);
    }
    return offset;
  }
}

const zones = new Map<string, Zone>();

/** A shared, offset-caching luxon zone for an IANA name. */
export function cachedZone(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    zone = new CachedIANAZone(name);
    zones.set(name, zone);
  }
  return zone;
}
