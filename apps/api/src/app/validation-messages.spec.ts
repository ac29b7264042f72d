import { AppConfig } from '@worksite/server-config';
import { isMessageKey, MESSAGES } from '@worksite/shared-i18n';
import { getMetadataStorage } from 'class-validator';
import { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { AppModule } from './app.module';

/** Validation kinds that never produce a message of their own (IsOptional, ValidateIf, Allow). */
const SILENT = new Set(['conditionalValidation', 'whitelistValidation']);

/**
 * Every constraint of every request DTO the api loads has its message in both languages: the
 * global validation pipe renders field problems from the catalog by constraint name (or by the
 * key a DTO names in `context: { message }`), so a constraint without an entry would answer
 * with a vague "is invalid".
 */
describe('the messages of the validation', () => {
  it('exist for every constraint the DTOs use', () => {
    expect(AppModule).toBeDefined(); // importing the app module loads every DTO class
    const storage = getMetadataStorage();
    // class-validator keeps its metadata in a private map; reading it is fine for a test.
    const byClass = (storage as unknown as { validationMetadatas: Map<unknown, ValidationMetadata[]> })
      .validationMetadatas;
    const all = [...byClass.values()].flat();
    const used = new Map<string, string>();
    for (const metadata of all) {
      if (SILENT.has(metadata.type) || metadata.target === AppConfig) continue;
      const name =
        metadata.name ??
        (metadata.constraintCls ? storage.getTargetValidatorConstraints(metadata.constraintCls)[0]?.name : undefined) ??
        metadata.type;
      const key = (metadata.context as { message?: string } | undefined)?.message ?? name;
      used.set(key, `${(metadata.target as { name?: string }).name}.${metadata.propertyName}`);
    }
    expect(used.size).toBeGreaterThan(15);
    const missing = [...used].filter(([key]) => !isMessageKey(key)).map(([key, where]) => `${key} (${where})`);
    expect(missing).toEqual([]);
    // Unknown fields are refused by the pipe itself, under this name.
    expect(MESSAGES.whitelistValidation).toBeDefined();
  });
});
