import { Messages } from './messages.type';

/**
 * Names of things, put into other messages ("{entity} … does not exist"). Keyed `noun.` plus
 * the resource name of the access rules and audit trail (task, crew-channel…), or a location kind.
 */
export const NOUN_MESSAGES = {
  'noun.record': { 'zh-CN': '记录', en: 'record' },
  'noun.change-set': { 'zh-CN': '修改批次', en: 'change set' },
  'noun.department': { 'zh-CN': '部门', en: 'department' },
  'noun.contractor': { 'zh-CN': '施工单位', en: 'contractor' },
  'noun.crew': { 'zh-CN': '班组', en: 'crew' },
  'noun.crew-channel': { 'zh-CN': '班组通知渠道', en: 'crew channel' },
  'noun.location': { 'zh-CN': '位置', en: 'location' },
  'noun.calendar': { 'zh-CN': '日历', en: 'calendar' },
  'noun.calendar-exception': { 'zh-CN': '节假日或调休工作日', en: 'holiday or make-up working day' },
  'noun.blackout-window': { 'zh-CN': '禁止施工时段', en: 'blackout window' },
  'noun.project': { 'zh-CN': '项目', en: 'project' },
  'noun.task': { 'zh-CN': '任务', en: 'task' },
  'noun.dependency': { 'zh-CN': '依赖关系', en: 'dependency' },
  'noun.user': { 'zh-CN': '用户', en: 'user' },
  'noun.session': { 'zh-CN': '会话', en: 'session' },
  'noun.audit': { 'zh-CN': '审计记录', en: 'audit entry' },
  'noun.notice-run': { 'zh-CN': '通知批次', en: 'notice run' },
  'noun.notice': { 'zh-CN': '通知', en: 'notice' },
  'noun.delivery': { 'zh-CN': '投递记录', en: 'delivery' },
  'noun.notice-escalation': { 'zh-CN': '未确认提醒', en: 'notice escalation' },
  'noun.conflict-decision': { 'zh-CN': '冲突处理记录', en: 'conflict decision' },
  'noun.baseline': { 'zh-CN': '基线', en: 'baseline' },
  'noun.work-step': { 'zh-CN': '标准工序', en: 'standard work step' },
  'noun.playbook': { 'zh-CN': '应急预案', en: 'playbook' },
  'noun.incident': { 'zh-CN': '突发事件', en: 'incident' },
  'noun.on-call-roster': { 'zh-CN': '值班表', en: 'on-call roster' },
  'noun.announcement': { 'zh-CN': '居民公告', en: 'resident announcement' },
  'noun.location-robot': { 'zh-CN': '楼栋群机器人', en: 'building group robot' },
  'noun.compound': { 'zh-CN': '小区', en: 'compound' },
  'noun.building': { 'zh-CN': '楼', en: 'building' },
  'noun.unit': { 'zh-CN': '单元', en: 'unit' },
  'noun.street_segment': { 'zh-CN': '路段', en: 'street segment' },
  'noun.top_level': { 'zh-CN': '无（顶层）', en: 'nothing (top level)' },
  // Addresses the server may not call (see @worksite/server-outbound's ForbiddenRange).
  'range.metadata': { 'zh-CN': '云元数据地址', en: 'a cloud metadata address' },
  'range.loopback': { 'zh-CN': '回环地址', en: 'a loopback address' },
  'range.private': { 'zh-CN': '内网地址', en: 'a private network address' },
  'range.link_local': { 'zh-CN': '链路本地地址', en: 'a link-local address' },
  'range.unspecified': { 'zh-CN': '未指定地址', en: 'the unspecified address' },
  'range.reserved': { 'zh-CN': '保留地址', en: 'a reserved address' },
  'range.local_name': { 'zh-CN': '本机或云元数据服务', en: 'this machine or a cloud metadata service' },
} as const satisfies Messages;
