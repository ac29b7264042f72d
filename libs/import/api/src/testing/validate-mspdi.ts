import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Microsoft's MSPDI schema (Project 2007, mspdi_pj12.xsd; see mspdi/README.md). */
export const MSPDI_XSD = join(__dirname, 'mspdi', 'mspdi_pj12.xsd');

/**
 * Validates an MSPDI file against Microsoft's schema with xmllint (Debian: libxml2-utils) and
 * answers xmllint's complaints ('' when valid). The file's namespace is Project's
 * (http://schemas.microsoft.com/project, what every version writes); the schema's target is
 * http://schemas.microsoft.com/project/2007, so the namespace is mapped before validating, as
 * MPXJ and others do. Throws when xmllint is missing: the check must not pass by not running.
 */
export function mspdiSchemaErrors(xml: string): string {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'pipe' });
  } catch {
    throw new Error('xmllint is not installed: the MSPDI schema check needs it (apt-get install -y libxml2-utils)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'mspdi-'));
  const file = join(dir, 'project.xml');
  writeFileSync(
    file,
    xml.replace('xmlns="http://schemas.microsoft.com/project"', 'xmlns="http://schemas.microsoft.com/project/2007"'),
  );
  try {
    execFileSync('xmllint', ['--noout', '--schema', MSPDI_XSD, file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    const failure = error as { stderr?: Buffer; message: string };
    return failure.stderr?.toString('utf8') || failure.message;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
