import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** Password hashing with argon2id (the library's defaults: 64 MiB, 3 passes). */
@Injectable()
export class PasswordService {
  // Verifying against a real hash when the user does not exist keeps the timing the same.
  private readonly dummyHash = argon2.hash('worksite-dummy-password', { type: argon2.argon2id });

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash ?? (await this.dummyHash), password);
    } catch {
      return false;
    }
  }
}
