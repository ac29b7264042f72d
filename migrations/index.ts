import { Initial1795820038955 } from './1795820038955-initial';
import { AuthAndAudit1795820959151 } from './1795820959151-auth-and-audit';

/** Every migration in order; the DataSource lists them explicitly so bundles need no glob. */
export const MIGRATIONS = [Initial1795820038955, AuthAndAudit1795820959151];
