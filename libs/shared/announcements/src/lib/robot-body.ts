/**
 * The webhook body of an announcement for a residents' group robot: plain text (residents'
 * phones show it as written). DingTalk emergency posts @ everyone in the group.
 */
export function announcementRobotBody(
  kind: 'wecom' | 'dingtalk' | 'feishu' | string,
  text: string,
  emergency: boolean,
): Record<string, unknown> {
  switch (kind) {
    case 'dingtalk':
      return { msgtype: 'text', text: { content: text }, at: { isAtAll: emergency } };
    case 'feishu':
      return { msg_type: 'text', content: { text } };
    default:
      return { msgtype: 'text', text: { content: text, ...(emergency ? { mentioned_list: ['@all'] } : {}) } };
  }
}
