import { ConstraintKind } from './constraints';

/** The languages labels are written in (zh-CN is the default). */
export type MakeReadyLanguage = 'zh-CN' | 'en';

/**
 * Each constraint kind's label in Chinese and English, defined once for the notices, the
 * reminders, the 18:00 list and the web app.
 */
export const CONSTRAINT_KIND_LABELS: Record<ConstraintKind, Record<MakeReadyLanguage, string>> = {
  dig_permit: { 'zh-CN': '掘路许可', en: 'dig permit' },
  outage_approval: { 'zh-CN': '停电审批', en: 'outage approval' },
  materials: { 'zh-CN': '材料到场', en: 'materials on site' },
  escort: { 'zh-CN': '警力配合', en: 'police escort' },
  residents_told: { 'zh-CN': '居民告知', en: 'residents told' },
  predecessor_done: { 'zh-CN': '前序完工', en: 'predecessor done' },
  other: { 'zh-CN': '其他', en: 'other' },
};

/** A constraint kind's label in a language; unknown kinds read as themselves, unknown languages as zh-CN. */
export function constraintKindLabel(kind: string, language: string): string {
  const labels = CONSTRAINT_KIND_LABELS[kind as ConstraintKind];
  if (!labels) return kind;
  return labels[language === 'en' ? 'en' : 'zh-CN'];
}
