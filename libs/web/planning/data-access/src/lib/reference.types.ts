import { DepartmentKind, LocationKind } from '@worksite/shared-domain';

/** A department as the web app shows it (GET /api/departments). */
export interface DepartmentRef {
  id: string;
  kind: DepartmentKind;
  name: string;
  /** Bar colour on the Gantt. */
  color: string;
  contactName: string | null;
  contactPhone: string | null;
}

/** A crew (GET /api/crews): visible to admins, coordinators, its department and its leader. */
export interface CrewRef {
  id: string;
  name: string;
  contractorId: string;
  departmentId: string;
  leaderName: string;
  leaderPhone: string | null;
}

/** A location (GET /api/locations): compound → building → unit, or a street segment. */
export interface LocationRef {
  id: string;
  kind: LocationKind;
  name: string;
  parentId: string | null;
}

/** Reference data by id; what the user may not see is simply missing. */
export interface ReferenceMaps {
  departments: ReadonlyMap<string, DepartmentRef>;
  crews: ReadonlyMap<string, CrewRef>;
  locations: ReadonlyMap<string, LocationRef>;
}

/** "八经小区 › 32号楼 › 1单元": a location with its parents. */
export function locationPath(maps: ReferenceMaps, id: string | null, separator = ' › '): string {
  const names: string[] = [];
  for (let at = id, guard = 0; at && guard < 10; guard++) {
    const location = maps.locations.get(at);
    if (!location) break;
    names.unshift(location.name);
    at = location.parentId;
  }
  return names.join(separator);
}
