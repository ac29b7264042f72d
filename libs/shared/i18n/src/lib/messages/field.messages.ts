import { Messages } from './messages.type';

/**
 * Messages of one field (`problems[].messages`). The class-validator ones are keyed by the
 * constraint's name (`{field}` and the constraint's own values interpolated); the others by
 * the rule the services check. Keys are camelCase, error codes snake_case: they never clash.
 */
export const FIELD_MESSAGES = {
  // class-validator constraints, by name.
  invalidValue: { 'zh-CN': '{field} 的值无效', en: '{field} is invalid' },
  whitelistValidation: { 'zh-CN': '不允许的字段 {field}', en: '{field} is not a known field' },
  isDefined: { 'zh-CN': '{field} 是必填项', en: '{field} is required' },
  isNotEmpty: { 'zh-CN': '{field} 不能为空', en: '{field} must not be empty' },
  isString: { 'zh-CN': '{field} 必须是文本', en: '{field} must be a string' },
  isInt: { 'zh-CN': '{field} 必须是整数', en: '{field} must be a whole number' },
  isNumber: { 'zh-CN': '{field} 必须是数字', en: '{field} must be a number' },
  isBoolean: { 'zh-CN': '{field} 必须是 true 或 false', en: '{field} must be true or false' },
  isArray: { 'zh-CN': '{field} 必须是列表', en: '{field} must be a list' },
  isObject: { 'zh-CN': '{field} 必须是对象', en: '{field} must be an object' },
  nestedValidation: { 'zh-CN': '{field} 必须是对象或列表', en: '{field} must be an object or a list' },
  isUuid: { 'zh-CN': '{field} 必须是 UUID', en: '{field} must be a UUID' },
  isEnum: { 'zh-CN': '{field} 必须是以下之一：{values}', en: '{field} must be one of: {values}' },
  isIn: { 'zh-CN': '{field} 必须是以下之一：{values}', en: '{field} must be one of: {values}' },
  isEmail: { 'zh-CN': '{field} 必须是电子邮件地址', en: '{field} must be an email address' },
  isHexColor: {
    'zh-CN': '{field} 必须是十六进制颜色，例如 #1f77b4',
    en: '{field} must be a hex colour such as #1f77b4',
  },
  matches: { 'zh-CN': '{field} 的格式不正确', en: '{field} is not in the expected format' },
  isLength: {
    'zh-CN': '{field} 的长度必须在 {min} 到 {max} 个字符之间',
    en: '{field} must be {min} to {max} characters long',
  },
  minLength: { 'zh-CN': '{field} 至少要有 {min} 个字符', en: '{field} must be at least {min} characters long' },
  maxLength: { 'zh-CN': '{field} 最多 {max} 个字符', en: '{field} must be at most {max} characters long' },
  min: { 'zh-CN': '{field} 不能小于 {min}', en: '{field} must not be less than {min}' },
  max: { 'zh-CN': '{field} 不能大于 {max}', en: '{field} must not be greater than {max}' },
  notEquals: { 'zh-CN': '{field} 不能是 {value}', en: '{field} must not be {value}' },
  arrayMaxSize: { 'zh-CN': '{field} 最多 {max} 项', en: '{field} must hold at most {max} items' },
  arrayMinSize: { 'zh-CN': '{field} 至少要有 {min} 项', en: '{field} must hold at least {min} items' },
  arrayUnique: { 'zh-CN': '{field} 中有重复的项', en: '{field} lists an item more than once' },
  localDate: {
    'zh-CN': '{field} 必须是真实存在的日期，格式 YYYY-MM-DD',
    en: '{field} must be a real date written YYYY-MM-DD',
  },
  instant: {
    'zh-CN': '{field} 必须是带时区偏移的 ISO 8601 时间，例如 2026-12-01T08:00:00+08:00',
    en: '{field} must be an ISO 8601 date-time with an offset, e.g. 2026-12-01T08:00:00+08:00',
  },
  isDateString: {
    'zh-CN': '{field} 必须是 ISO 8601 时间，例如 2026-12-01T08:00:00+08:00',
    en: '{field} must be an ISO 8601 date-time, e.g. 2026-12-01T08:00:00+08:00',
  },
  isUrl: {
    'zh-CN': '{field} 必须是完整的网址，以 http:// 或 https:// 开头',
    en: '{field} must be a full URL starting with http:// or https://',
  },
  timeZone: {
    'zh-CN': '{field} 必须是 IANA 时区，例如 Asia/Shanghai',
    en: '{field} must be an IANA time zone such as Asia/Shanghai',
  },
  channelAddress: {
    'zh-CN': '{field} 必须与渠道类型相符：邮件填邮箱地址，短信填手机号，群机器人填 http(s) 网址',
    en: '{field} must fit the channel kind: an email address for email, a mobile number for sms, an http(s) webhook URL for robots',
  },
  channelAddressEmail: {
    'zh-CN': '邮件渠道的 {field} 必须是电子邮件地址',
    en: '{field} must be an email address for an email channel',
  },
  channelAddressSms: {
    'zh-CN': '短信渠道的 {field} 必须是手机号码',
    en: '{field} must be a mobile phone number for an sms channel',
  },
  channelAddressWebhook: {
    'zh-CN': '群机器人渠道的 {field} 必须是 http(s) 网址',
    en: '{field} must be an http(s) webhook URL for a group-chat robot',
  },
  // Where the server may call out to (robot webhooks; OUTBOUND_* settings).
  outboundUrl: { 'zh-CN': '{field} 必须是完整的 http(s) 网址', en: '{field} must be an absolute http(s) URL' },
  outboundHttpsOnly: {
    'zh-CN': '{field} 必须是 https:// 网址（只有设置 OUTBOUND_ALLOW_HTTP=true 时才允许 http://）',
    en: '{field} must be an https:// URL (http:// is allowed only when OUTBOUND_ALLOW_HTTP=true)',
  },
  outboundForbiddenHost: {
    'zh-CN': '{field} 不能指向{range}（{host}）；管理员可在 OUTBOUND_ALLOWED_HOSTS 中放行该主机',
    en: '{field} must not point to {range} ({host}); an administrator may allow the host in OUTBOUND_ALLOWED_HOSTS',
  },
  // Formats named by a DTO through `context: { message }` where "not in the expected format" says too little.
  projectCodeFormat: {
    'zh-CN': '{field} 必须是 1–40 个字母、数字、- 或 _',
    en: '{field} must be 1–40 letters, digits, - or _',
  },
  usernameFormat: {
    'zh-CN': '{field} 必须是 3–50 个字母、数字、点、- 或 _',
    en: '{field} must be 3–50 letters, digits, dots, - or _',
  },
  timeOfDay: {
    'zh-CN': '{field} 必须是当地时间 HH:mm（24:00 只能作结束时间）',
    en: '{field} must be a local time HH:mm (24:00 only as an end)',
  },

  // Rules the services check.
  unique: { 'zh-CN': '不能与已有记录重复', en: 'must be unique' },
  noSuchRow: { 'zh-CN': '没有此 id 的{entity}', en: 'no {entity} with this id' },
  notNull: { 'zh-CN': '{field} 不能为 null', en: '{field} must not be null' },
  notBefore: { 'zh-CN': '不能早于 {other}', en: 'must not be before {other}' },
  after: { 'zh-CN': '必须晚于 {other}', en: 'must be after {other}' },
  atMostDaysAfter: { 'zh-CN': '最多比 {other} 晚 {days} 天', en: 'must be at most {days} days after {other}' },
  differFrom: { 'zh-CN': '必须与 {other} 不同', en: 'must differ from {other}' },
  otherProjectThan: { 'zh-CN': '与 {other} 属于不同的项目', en: 'belongs to another project than {other}' },
  notTogetherWith: { 'zh-CN': '不能与 {other} 同时给出', en: 'must not be given together with {other}' },
  oneOfRequired: { 'zh-CN': '{fields} 必须给出其一', en: 'one of {fields} is required' },
  goTogether: { 'zh-CN': '{fields} 必须同时给出', en: '{fields} go together' },
  requiredWithOther: { 'zh-CN': '必须与另一个约束字段同时给出', en: 'required with the other constraint field' },
  someMissing: { 'zh-CN': '其中 {count} 个不存在', en: '{count} of these do not exist' },
  notOnCalendar: { 'zh-CN': '无法安排在项目日历上', en: 'cannot be placed on the project calendar' },
  lockedOnceTasks: { 'zh-CN': '项目有任务后不能更改', en: 'cannot change once the project has tasks' },
  takenIgnoringCase: { 'zh-CN': '已被使用（不区分大小写）', en: 'is already taken (ignoring case)' },
  doesNotMatch: { 'zh-CN': '不正确', en: 'does not match' },
  notItself: { 'zh-CN': '不能是该位置自身', en: 'must not be the location itself' },
  hasChildren: { 'zh-CN': '该位置包含其他位置时不能更改', en: 'cannot change while the location has children' },
  parentNotAllowed: {
    'zh-CN': '{kind}的上级只能是：{allowed}，不能是{parent}',
    en: 'a {kind} must be under: {allowed}; not a {parent}',
  },
  parentMissing: { 'zh-CN': '{kind}的上级只能是：{allowed}', en: 'a {kind} must be under: {allowed}' },
  todayOrTomorrow: {
    'zh-CN': '必须是项目时区的今天或明天',
    en: 'must be today or tomorrow in the project time zone',
  },
  recentInstant: {
    'zh-CN': '不能比现在晚 {minutes} 分钟以上，也不能早于 {days} 天前',
    en: 'must be at most {minutes} minutes ahead of now and at most {days} days ago',
  },
  weeklyWindowsInvalid: {
    'zh-CN': '每个时段都必须在开始之后结束，且一周中至少有一段工作时间',
    en: 'each window must end after it starts, and the week must have some working time',
  },
} as const satisfies Messages;
