import { IMPORT_FIELDS, ImportField } from './import-fields';

/** One problem of an import as the api sends it. */
export interface ImportReportItemDto {
  row: number;
  code?: string;
  field: string;
  /** The header of the column in the sheet (or the template's, in the request language). */
  column: string;
  message: string;
}

/** The answer of an import (also a dry run). */
export interface ImportOutcomeDto {
  dryRun: boolean;
  summary: {
    created: number;
    updated: number;
    unchanged: number;
    missing: number;
    deleted: number;
    linksCreated: number;
    linksUpdated: number;
    linksDeleted: number;
    moved: number;
  };
  missing: { id: string; code: string; title: string }[];
  projectFinish: string | null;
  problems: [];
  mapping?: Record<string, ImportField>;
}

/** The 422 answer of an import with problems. */
export interface ImportRejectionDto {
  code: 'import_invalid';
  message: string;
  report: ImportReportItemDto[];
  /** Excel imports: the sheet with a comment on each bad cell, base64. */
  annotatedWorkbook?: string;
}

/** The preview of a sheet (POST import.xlsx?preview=true). */
export interface SheetPreviewDto {
  sheetName: string;
  headers: string[];
  mapping: Record<string, ImportField>;
  rowCount: number;
  rows: Record<string, string>[];
}

/** Where the browser remembers a project's column mapping. */
export const mappingStorageKey = (projectId: string) => `worksite.import.mapping.${projectId}`;

/**
 * The mapping to start from: what was remembered for the project for headers the sheet still
 * has (a field used once only), then the server's guess for the rest.
 */
export function startingMapping(
  headers: readonly string[],
  remembered: Record<string, string> | null,
  guessed: Record<string, ImportField>,
): Record<string, ImportField> {
  const mapping: Record<string, ImportField> = {};
  const used = new Set<string>();
  for (const header of headers) {
    const field = remembered?.[header];
    if (field && (IMPORT_FIELDS as readonly string[]).includes(field) && !used.has(field)) {
      mapping[header] = field as ImportField;
      used.add(field);
    }
  }
  for (const header of headers) {
    const field = guessed[header];
    if (!mapping[header] && field && !used.has(field)) {
      mapping[header] = field;
      used.add(field);
    }
  }
  return mapping;
}
