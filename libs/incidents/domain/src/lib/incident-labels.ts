import { IncidentKind, IncidentSeverity } from '@worksite/shared-domain';

export type IncidentLanguage = 'zh-CN' | 'en';

export const languageOf = (language: string | null | undefined): IncidentLanguage =>
  language?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';

const KINDS: Record<IncidentKind, Record<IncidentLanguage, string>> = {
  [IncidentKind.CableFire]: { 'zh-CN': '电缆着火', en: 'cable fire' },
  [IncidentKind.WaterMainBurst]: { 'zh-CN': '供水主管爆裂', en: 'water main burst' },
  [IncidentKind.GasLeak]: { 'zh-CN': '燃气泄漏', en: 'gas leak' },
  [IncidentKind.RoadCollapse]: { 'zh-CN': '路面塌陷', en: 'road collapse' },
};

const SEVERITIES: Record<IncidentSeverity, Record<IncidentLanguage, string>> = {
  [IncidentSeverity.Minor]: { 'zh-CN': '一般', en: 'minor' },
  [IncidentSeverity.Major]: { 'zh-CN': '较大', en: 'major' },
  [IncidentSeverity.Critical]: { 'zh-CN': '重大', en: 'critical' },
};

export const incidentKindLabel = (kind: IncidentKind, language: IncidentLanguage): string =>
  KINDS[kind]?.[language] ?? kind;

export const severityLabel = (severity: IncidentSeverity, language: IncidentLanguage): string =>
  SEVERITIES[severity]?.[language] ?? severity;

/** A local date-time, e.g. 12月4日 14:05 / Dec 4 14:05, in the zone. */
export function localTimeText(at: number, zone: string, language: IncidentLanguage): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  if (language === 'en') {
    const month = new Intl.DateTimeFormat('en-GB', { timeZone: zone, month: 'short' }).format(new Date(at));
    return `${month} ${Number(parts['day'])} ${parts['hour']}:${parts['minute']}`;
  }
  return `${Number(parts['month'])}月${Number(parts['day'])}日 ${parts['hour']}:${parts['minute']}`;
}
