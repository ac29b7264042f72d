import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, recordAudit } from '@worksite/api-core';
import { Actor, Resource, writeRefusal } from '@worksite/auth-access';
import { LocationEntity } from '@worksite/server-data-access';
import { AuditAction, LocationImportReportDto, LocationKind } from '@worksite/shared-domain';
import { Text } from '@worksite/shared-i18n';
import { Workbook } from 'exceljs';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  columnsOf,
  LOCATION_COLUMNS,
  LocationField,
  LocationRow,
  RowProblem,
  SheetRow,
  validateRows,
} from './location-sheet';

/** A place of the sheet: found in the database, or to be made. */
interface PlannedPlace {
  kind: LocationKind;
  name: string;
  existing?: LocationEntity;
  parent?: PlannedPlace;
  households?: number;
  address?: string;
  saved?: LocationEntity;
}

const KINDS = [LocationKind.Compound, LocationKind.Building, LocationKind.Unit] as const;
const noun = (kind: LocationKind): Text => ({ key: `noun.${kind}` as Text['key'] });

/**
 * The community from a sheet (小区, 楼号, 单元, 户数, 地址): everything is checked first and every
 * problem reported by row and column, nothing written unless all rows are valid; then one
 * transaction that makes the missing compounds, buildings and units and updates households
 * and addresses in place (matched by the names along the path), so a re-import makes no
 * duplicates. Empty cells leave what is stored.
 */
@Injectable()
export class LocationImportService {
  constructor(private readonly dataSource: DataSource) {}

  async import(body: unknown, actor: Actor, dryRun: boolean): Promise<LocationImportReportDto> {
    if (writeRefusal(Resource.Location, 'create', actor, {})) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'import_locations_forbidden');
    }
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', 'spreadsheet_expected');
    }
    const sheetRows = await readSheet(body);
    const { valid, problems } = validateRows(sheetRows.rows);
    const all = [...sheetRows.problems, ...problems];
    if (all.length) throw invalid(all);
    return this.dataSource.transaction(async (manager) => {
      // One import at a time: two would both make a compound neither found.
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('worksite:location-import'))");
      const { places, problems: taken } = await plan(manager, valid);
      if (taken.length) throw invalid(taken);
      const report = countOf(places, valid.length, dryRun);
      if (!dryRun) await write(manager, places, actor);
      return report;
    });
  }
}

function invalid(problems: RowProblem[]): ApiError {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  return new ApiError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'import_invalid',
    { key: 'import_invalid', params: { count: sorted.length } },
    {
      problems: sorted.map((p) => ({
        field: p.field === 'sheet' ? 'sheet' : `rows[${p.row}].${p.field}`,
        messages: [p.message],
      })),
    },
  );
}

/** The header and data rows of the workbook's first sheet, as text. */
async function readSheet(body: Buffer): Promise<{ rows: SheetRow[]; problems: RowProblem[] }> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(body as never);
  } catch {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'spreadsheet_unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ApiError(HttpStatus.BAD_REQUEST, 'spreadsheet_unreadable');
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => (header[column - 1] = cell.text ?? ''));
  const { columns, problems } = columnsOf(Array.from(header, (cell) => cell ?? ''));
  if (problems.length) return { rows: [], problems };
  const rows: SheetRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: SheetRow['cells'] = {};
    for (const [field, index] of Object.entries(columns) as [LocationField, number][]) {
      cells[field] = row.getCell(index + 1).text ?? '';
    }
    rows.push({ row: number, cells });
  });
  return { rows, problems: [] };
}

/** Matches each row's path against the stored tree and lists the places to make or update. */
async function plan(
  manager: EntityManager,
  rows: LocationRow[],
): Promise<{ places: PlannedPlace[]; problems: RowProblem[] }> {
  const stored = await manager.find(LocationEntity, { where: { kind: In([...KINDS, LocationKind.StreetSegment]) } });
  const roots = new Map(
    stored.filter((l) => l.parentId === null && l.kind === LocationKind.Compound).map((l) => [l.name, l]),
  );
  const children = new Map<string, Map<string, LocationEntity>>();
  for (const location of stored) {
    if (!location.parentId) continue;
    if (!children.has(location.parentId)) children.set(location.parentId, new Map());
    children.get(location.parentId)?.set(location.name, location);
  }
  const planned = new Map<string, PlannedPlace>();
  const problems: RowProblem[] = [];
  for (const row of rows) {
    const path = [row.compound, row.building, row.unit].filter((name): name is string => !!name);
    let parent: PlannedPlace | undefined;
    let target: PlannedPlace | undefined;
    for (const [depth, name] of path.entries()) {
      const kind = KINDS[depth];
      const key = JSON.stringify(path.slice(0, depth + 1));
      let place = planned.get(key);
      if (!place) {
        const existing = parent ? parent.existing && children.get(parent.existing.id)?.get(name) : roots.get(name);
        if (existing && existing.kind !== kind) {
          const field: LocationField = kind === LocationKind.Unit ? 'unit' : 'building';
          problems.push({
            row: row.row,
            field,
            message: {
              key: 'sheetNameTaken',
              params: { row: row.row, name, kind: noun(existing.kind), wanted: noun(kind) },
            },
          });
          target = undefined;
          break;
        }
        place = { kind, name, existing, parent };
        planned.set(key, place);
      }
      parent = place;
      target = place;
    }
    if (!target) continue;
    if (row.households !== null) target.households = row.households;
    if (row.address !== null) target.address = row.address;
  }
  return { places: [...planned.values()], problems };
}

const changes = (place: PlannedPlace) =>
  !!place.existing &&
  ((place.households !== undefined && place.households !== place.existing.households) ||
    (place.address !== undefined && place.address !== place.existing.address));

function countOf(places: PlannedPlace[], rows: number, dryRun: boolean): LocationImportReportDto {
  const made = (kind: LocationKind) => places.filter((p) => !p.existing && p.kind === kind).length;
  const updated = places.filter(changes).length;
  return {
    dryRun,
    rows,
    created: {
      compounds: made(LocationKind.Compound),
      buildings: made(LocationKind.Building),
      units: made(LocationKind.Unit),
    },
    updated,
    unchanged: places.filter((p) => p.existing).length - updated,
  };
}

/** Makes and updates the places, parents first, with an audit entry each. */
async function write(manager: EntityManager, places: PlannedPlace[], actor: Actor): Promise<void> {
  for (const kind of KINDS) {
    for (const place of places.filter((p) => p.kind === kind)) {
      if (place.existing) {
        place.saved = place.existing;
        if (!changes(place)) continue;
        const before = { ...place.existing };
        const after = await manager.save(
          Object.assign(manager.create(LocationEntity, place.existing), {
            ...(place.households !== undefined ? { households: place.households } : {}),
            ...(place.address !== undefined ? { address: place.address } : {}),
          }),
        );
        place.saved = after;
        await recordAudit(manager, {
          actor,
          action: AuditAction.Update,
          entity: Resource.Location,
          entityId: after.id,
          projectId: null,
          before,
          after,
        });
        continue;
      }
      const parentId = place.parent ? (place.parent.saved?.id ?? null) : null;
      const saved = await manager.save(
        manager.create(LocationEntity, {
          kind,
          name: place.name,
          parentId,
          households: place.households ?? null,
          address: place.address ?? null,
        }),
      );
      place.saved = saved;
      await recordAudit(manager, {
        actor,
        action: AuditAction.Create,
        entity: Resource.Location,
        entityId: saved.id,
        projectId: null,
        after: saved,
      });
    }
  }
}

/** The template: the five columns, frozen, with a whole-number rule on 户数 and a sheet explaining them. */
export async function locationTemplate(): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Worksite';
  const sheet = workbook.addWorksheet('小区楼栋', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = (Object.keys(LOCATION_COLUMNS) as LocationField[]).map((field) => ({
    header: LOCATION_COLUMNS[field].zh,
    width: field === 'address' ? 36 : field === 'households' ? 10 : 16,
  }));
  sheet.getRow(1).font = { bold: true };
  for (let row = 2; row <= 2001; row++) {
    sheet.getCell(`D${row}`).dataValidation = {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 1_000_000],
      showErrorMessage: true,
      errorTitle: '户数',
      error: '户数必须是 0 到 1000000 之间的整数',
    };
  }
  const help = workbook.addWorksheet('说明');
  help.getColumn(1).width = 90;
  [
    '每行一个位置：只填小区是小区；填了楼号是该小区的楼；再填单元是该楼的单元。',
    '户数、地址写给这一行最细的位置（小区、楼或单元）；留空表示不修改已有的值。',
    '重新导入时按“小区 / 楼号 / 单元”的名称匹配已有位置并就地更新，不会重复创建。',
    '先校验全部行：有任何问题时一行也不写入，并按行列出所有问题。',
    'One place per row: compound; compound + building; compound + building + unit. Empty cells keep stored values.',
  ].forEach((line) => help.addRow([line]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
