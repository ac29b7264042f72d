import * as ipaddr from 'ipaddr.js';

/** Where outbound calls (robot webhooks, the SMS gateway) may go, from the configuration. */
export interface OutboundPolicy {
  /** http:// besides https:// (OUTBOUND_ALLOW_HTTP). */
  allowHttp: boolean;
  /** Hosts reachable whatever their address: `host` (any port) or `host:port`, lower case (OUTBOUND_ALLOWED_HOSTS). */
  allowedHosts: readonly string[];
}

/** What kind of address an outbound call may not reach (a name such as localhost is `local_name`). */
export type ForbiddenRange =
  | 'metadata'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'unspecified'
  | 'reserved'
  | 'local_name';

/** Why an outbound address is refused, in a sentence that names the fix. */
export interface OutboundRefusal {
  code: 'invalid_url' | 'scheme' | 'forbidden_host';
  /** For forbidden_host: which kind of address (for messages in other languages). */
  range?: ForbiddenRange;
  message: string;
}

/** The English words for each range, as the messages and logs use them. */
const RANGE_TEXT: Record<ForbiddenRange, string> = {
  metadata: 'a cloud metadata address',
  loopback: 'a loopback address',
  private: 'a private network address',
  link_local: 'a link-local address',
  unspecified: 'the unspecified address',
  reserved: 'a reserved address',
  local_name: 'this machine or a cloud metadata service',
};

/** The policy of the settings OUTBOUND_ALLOW_HTTP and OUTBOUND_ALLOWED_HOSTS. */
export function outboundPolicy(settings: {
  OUTBOUND_ALLOW_HTTP: boolean;
  OUTBOUND_ALLOWED_HOSTS: string;
}): OutboundPolicy {
  return { allowHttp: settings.OUTBOUND_ALLOW_HTTP, allowedHosts: parseAllowedHosts(settings.OUTBOUND_ALLOWED_HOSTS) };
}

/** `a.example.cn, 127.0.0.1:8080, [::1]` → normalised entries; blanks dropped. */
export function parseAllowedHosts(list: string): string[] {
  return list
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
}

/** One entry of OUTBOUND_ALLOWED_HOSTS: a host name, an IPv4 address or a bracketed IPv6 address, with an optional port. */
export const ALLOWED_HOST_ENTRY = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:\d{1,5})?$/i;

/** Names that always mean this machine or a cloud's instance metadata, whatever DNS says. */
const LOCAL_NAMES = /^(localhost|.+\.localhost|metadata|metadata\.google\.internal|metadata\.goog)\.?$/i;

/** Cloud instance metadata services (AWS, GCP, Azure, Alibaba… use these addresses). */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

/**
 * Why an IP address may not be called, or undefined for a public unicast address. IPv4-mapped
 * IPv6 addresses (::ffff:127.0.0.1) are judged as the IPv4 address they carry; 6to4, NAT64 and
 * other ranges that embed or route to other addresses are refused with the reserved ones.
 */
export function forbiddenRange(address: string): ForbiddenRange | undefined {
  if (!ipaddr.isValid(address)) return 'reserved';
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  if (METADATA_ADDRESSES.has(parsed.toNormalizedString()) || METADATA_ADDRESSES.has(parsed.toString())) {
    return 'metadata';
  }
  switch (parsed.range()) {
    case 'unicast':
      return undefined;
    case 'loopback':
      return 'loopback';
    case 'private':
    case 'uniqueLocal':
    case 'carrierGradeNat':
      return 'private';
    case 'linkLocal':
      return 'link_local';
    case 'unspecified':
      return 'unspecified';
    default:
      return 'reserved';
  }
}

/** Why an IP address may not be called, in English (see forbiddenRange), or undefined for a public one. */
export function forbiddenAddress(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const range = forbiddenRange(address);
  if (range !== 'reserved') return range && RANGE_TEXT[range];
  return `${RANGE_TEXT.reserved} (${ipaddr.process(address).range()})`;
}

/** Whether the URL's host (with its port, or any port) is on the allowlist. */
export function isAllowlisted(url: URL, policy: OutboundPolicy): boolean {
  if (policy.allowedHosts.length === 0) return false;
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return policy.allowedHosts.includes(host) || policy.allowedHosts.includes(`${host}:${port}`);
}

/** The host of a URL as an IP address (without IPv6 brackets), or undefined for a name. */
export function literalAddress(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return ipaddr.isValid(host) && (host.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(host)) ? host : undefined;
}

/**
 * Checks an address as written, when it is saved and again before each call: https (http
 * only with OUTBOUND_ALLOW_HTTP), and no loopback, private, link-local, metadata or
 * unspecified IP address nor a name that always means one (localhost…), unless the host is
 * allowlisted. Names are resolved only when sending, where every resolved address is checked
 * too (see guardedLookup).
 */
export function checkOutboundUrl(address: string | URL, policy: OutboundPolicy): OutboundRefusal | undefined {
  let url: URL;
  try {
    url = typeof address === 'string' ? new URL(address) : address;
  } catch {
    return { code: 'invalid_url', message: 'must be an absolute http(s) URL' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) {
    return {
      code: 'scheme',
      message: policy.allowHttp
        ? 'must be an http(s) URL'
        : 'must be an https:// URL (http:// is allowed only when OUTBOUND_ALLOW_HTTP=true)',
    };
  }
  if (isAllowlisted(url, policy)) return undefined;
  const literal = literalAddress(url);
  const range = literal ? forbiddenRange(literal) : LOCAL_NAMES.test(url.hostname) ? 'local_name' : undefined;
  const reason = literal ? forbiddenAddress(literal) : range && RANGE_TEXT[range];
  if (range) {
    return {
      code: 'forbidden_host',
      range,
      message: `must not point to ${reason} (${url.hostname}); an administrator may allow the host in OUTBOUND_ALLOWED_HOSTS`,
    };
  }
  return undefined;
}
