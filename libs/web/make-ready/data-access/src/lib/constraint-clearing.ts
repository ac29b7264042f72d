import { signal } from '@angular/core';
import { MakeReadyConstraintDto } from '@worksite/shared-make-ready';
import { ApiFailure } from '@worksite/web-core-data-access';
import { MakeReadyApi } from './make-ready-api';

/**
 * Marking constraints cleared from a list (the day plan, the look-ahead, the agency's blocks, the
 * crew's phone): which one is under way (its button waits) and why the last try failed.
 */
export class ConstraintClearing {
  readonly clearing = signal<string | null>(null);
  readonly error = signal<ApiFailure | null>(null);

  constructor(private readonly api: MakeReadyApi) {}

  /** Clears with the version read; false (and `error` says why) when the api refused or failed. */
  async clear(constraint: MakeReadyConstraintDto): Promise<boolean> {
    this.clearing.set(constraint.id);
    this.error.set(null);
    try {
      await this.api.move(constraint, 'clear');
      return true;
    } catch (error) {
      this.error.set(error instanceof ApiFailure ? error : new ApiFailure(0, 'error', String(error)));
      return false;
    } finally {
      this.clearing.set(null);
    }
  }
}
