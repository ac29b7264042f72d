import { lookup as dnsLookup, LookupAddress, LookupAllOptions } from 'node:dns';
import { forbiddenAddress, isAllowlisted, OutboundPolicy } from './outbound-policy';

/** Raised (through the request's error) when a name resolves to an address we may not call. */
export class OutboundRefusedError extends Error {
  readonly code = 'EOUTBOUNDREFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'OutboundRefusedError';
  }
}

/** dns.lookup with every address (what a resolver answers). */
export type ResolveAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The `lookup` of an http(s) request to `url`: resolves the name once, checks EVERY address
 * it resolves to (a name with one public and one private address is refused), and hands the
 * checked addresses to the socket, which connects to them and nothing else. So a DNS answer
 * that changes between a check and the connection (DNS rebinding) cannot slip through.
 * Allowlisted hosts are resolved without the check. IP literals never reach a lookup: check
 * them with checkOutboundUrl first.
 */
export function guardedLookup(url: URL, policy: OutboundPolicy, resolveAll: ResolveAll = dnsLookup as ResolveAll) {
  const allowlisted = isAllowlisted(url, policy);
  return (
    hostname: string,
    options: { family?: number | string; hints?: number; all?: boolean },
    callback: LookupCallback,
  ) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
    resolveAll(hostname, { all: true, family, hints: options.hints }, (error, addresses) => {
      if (error) return callback(error, '');
      if (!addresses.length) {
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
      }
      if (!allowlisted) {
        for (const { address } of addresses) {
          const reason = forbiddenAddress(address);
          if (reason) {
            return callback(
              new OutboundRefusedError(
                `${hostname} resolves to ${address}, ${reason}; an administrator may allow the host in OUTBOUND_ALLOWED_HOSTS`,
              ),
              '',
            );
          }
        }
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
