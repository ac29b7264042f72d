import { IncidentSiteDto } from '@worksite/shared-domain';

/** "八经小区 32号楼 1单元": the site's compound, building and unit that are known. */
export function siteLabel(site: IncidentSiteDto): string {
  return [site.compoundName, site.buildingName, site.unitName].filter((name) => !!name).join(' ');
}
