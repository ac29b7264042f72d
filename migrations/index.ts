import { Initial1795819699408 } from './1795819699408-initial';

/** Every migration in order; the DataSource lists them explicitly so bundles need no glob. */
export const MIGRATIONS = [Initial1795819699408];
