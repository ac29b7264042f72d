import { Messages } from './messages.type';

/** Messages of the printed reports (Gantt and day plan PDFs). */
export const REPORT_MESSAGES = {
  report_range_reversed: { 'zh-CN': '结束日期不能早于开始日期。', en: 'The last date must not be before the first.' },
  report_range_too_long: {
    'zh-CN': '每次最多打印 {max} 天。',
    en: 'Print at most {max} days at a time.',
  },
} as const satisfies Messages;
