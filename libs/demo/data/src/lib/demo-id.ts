import { createHash } from 'node:crypto';

/** Namespace of every demo row id; fixed forever so that re-seeding finds the same rows. */
export const DEMO_NAMESPACE = '6f1d4c3a-8b2e-4f57-9a10-3c5e7d9b2a41';

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 of namespace + name), the same on every run
 * and every machine. Used for the ids of all seeded rows so that a second seed run
 * inserts nothing new.
 */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new RangeError(`not a UUID: ${namespace}`);
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of a demo row from its natural key, e.g. demoId('location', '八经小区/32号楼'). */
export function demoId(kind: string, ...key: string[]): string {
  return uuidV5(`${kind}:${key.join('/')}`, DEMO_NAMESPACE);
}
