import { randomBytes } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ALLOWED_HOST_ENTRY, checkOutboundUrl, outboundPolicy, parseAllowedHosts } from '@worksite/server-outbound';
import { AppConfig } from './app-config';

/** Raised when the environment holds a setting we cannot use; its message lists each problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Builds the AppConfig from an environment (process.env by default), keeping defaults for
 * unset or empty variables, and throws a ConfigError naming every invalid variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const defaults = new AppConfig();
  const known = Object.keys(defaults) as (keyof AppConfig)[];
  const given: Record<string, unknown> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') given[key] = value;
  }
  const config = plainToInstance(AppConfig, given, {
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) throw new ConfigError(errors.flatMap(describe));
  if (config.REDIS_CLUSTER && !/^\{.+\}$/.test(config.REDIS_PREFIX)) {
    throw new ConfigError([
      `REDIS_PREFIX must be a hash tag in braces (e.g. {${config.REDIS_PREFIX}}) when REDIS_CLUSTER is true: BullMQ's scripts need every key of a queue in one slot`,
    ]);
  }
  const outbound = outboundProblems(config);
  if (outbound.length > 0) throw new ConfigError(outbound);
  if (!config.PUBLIC_URL) config.PUBLIC_URL = `http://localhost:${config.PORT}`;
  if (config.PUBLIC_URL.endsWith('/')) config.PUBLIC_URL = config.PUBLIC_URL.slice(0, -1);
  if (!config.CORS_ORIGINS) config.CORS_ORIGINS = new URL(config.PUBLIC_URL).origin;
  // Outside production a random secret is fine: logins simply end when the process restarts.
  if (!config.JWT_SECRET) config.JWT_SECRET = randomBytes(32).toString('base64url');
  return config;
}

/** The allowlist's entries, and the SMS gateway checked like every outbound address (again at each send). */
function outboundProblems(config: AppConfig): string[] {
  const problems = parseAllowedHosts(config.OUTBOUND_ALLOWED_HOSTS)
    .filter((entry) => !ALLOWED_HOST_ENTRY.test(entry))
    .map((entry) => `OUTBOUND_ALLOWED_HOSTS: "${entry}" is not a host or host:port`);
  if (problems.length === 0 && config.SMS_GATEWAY_URL) {
    const refusal = checkOutboundUrl(config.SMS_GATEWAY_URL, outboundPolicy(config));
    if (refusal) problems.push(`SMS_GATEWAY_URL ${refusal.message}`);
  }
  return problems;
}

function describe(error: ValidationError): string[] {
  return Object.values(error.constraints ?? {}).map((message) =>
    message.startsWith(error.property) ? message : `${error.property}: ${message}`,
  );
}
