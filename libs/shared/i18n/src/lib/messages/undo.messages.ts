import { Messages } from './messages.type';

/** Undo and redo of change sets (POST /api/change-sets/:id/undo, …/redo). */
export const UNDO_MESSAGES = {
  change_set_header_invalid: {
    'zh-CN': '请求头 X-Change-Set 必须是 UUID。',
    en: 'The X-Change-Set header must be a UUID.',
  },
  change_set_foreign: {
    'zh-CN': '此修改批次属于其他用户或已被撤销，不能再加入修改。',
    en: 'This change set belongs to another user or was undone; no edits can be added to it.',
  },
  change_set_not_yours: {
    'zh-CN': '只能撤销或重做自己的修改（管理员除外）。',
    en: 'Only the author of an edit (or an administrator) may undo or redo it.',
  },
  change_set_already_undone: {
    'zh-CN': '这次修改已经撤销过了。',
    en: 'This edit was already undone.',
  },
  change_set_not_an_undo: {
    'zh-CN': '只能重做已撤销的修改。',
    en: 'Only an undone edit can be redone.',
  },
  change_set_not_undoable: {
    'zh-CN': '这次修改中包含无法撤销的内容（{entity}）。',
    en: 'This edit contains changes that cannot be undone ({entity}).',
  },
  change_set_nothing: {
    'zh-CN': '这次修改没有可撤销的内容。',
    en: 'This edit changed nothing that can be undone.',
  },
  change_set_stale_task: {
    'zh-CN': '无法撤销：任务「{title}」此后已被{who}修改，未做任何更改。',
    en: 'Cannot undo: the task "{title}" was changed by {who} since; nothing was changed.',
  },
  change_set_stale_link: {
    'zh-CN': '无法撤销：任务「{predecessor}」→「{successor}」的依赖此后已被{who}修改，未做任何更改。',
    en: 'Cannot undo: the link "{predecessor}" → "{successor}" was changed by {who} since; nothing was changed.',
  },
  change_set_task_gone: {
    'zh-CN': '无法撤销：任务「{title}」已被删除，依赖无法恢复，未做任何更改。',
    en: 'Cannot undo: the task "{title}" was deleted, so its link cannot come back; nothing was changed.',
  },
  change_set_someone: { 'zh-CN': '他人', en: 'someone else' },
} satisfies Messages;
