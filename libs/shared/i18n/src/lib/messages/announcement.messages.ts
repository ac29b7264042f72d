import { Messages } from './messages.type';

/** Resident announcements: who may approve them, and why a step is refused. */
export const ANNOUNCEMENT_MESSAGES = {
  announcement_approvers_only: {
    'zh-CN': '只有该项目的协调员和管理员可以修改、审核和发布居民公告。',
    en: "Only the project's coordinators and administrators edit, approve and post resident announcements.",
  },
  announcement_not_approved: {
    'zh-CN': '公告尚未审核，不能发布：请先审核草稿。',
    en: 'The announcement is not approved: approve the draft before posting it.',
  },
  announcement_already_approved: {
    'zh-CN': '公告已审核。',
    en: 'The announcement is already approved.',
  },
  announcement_already_posted: {
    'zh-CN': '公告已发布，不能再修改；可以发布后续通知。',
    en: 'The announcement is posted and cannot be changed; post a follow-up instead.',
  },
  announcement_not_posted: {
    'zh-CN': '公告尚未发布，不能发布后续通知。',
    en: 'The announcement is not posted yet: there is nothing to follow up.',
  },
  announcement_stale: {
    'zh-CN': '公告已被他人修改（或因任务调整重新生成），请刷新后重试。',
    en: 'The announcement was changed meanwhile (or re-drafted because its task moved); reload and try again.',
  },
  announcement_task_no_cut: {
    'zh-CN': '该任务没有停水、停电等停用影响，无需居民公告。',
    en: 'The task causes no cut (power, water …): there is nothing to announce.',
  },
  announcement_no_places: {
    'zh-CN': '请至少指定一个受影响的楼栋或单元。',
    en: 'Name at least one building or unit affected.',
  },
} as const satisfies Messages;
