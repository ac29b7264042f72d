import { Messages } from './messages.type';

/**
 * Messages of the HTTP layer: one per error code a status maps to, the request body, sign-in
 * and the access rules. Keys are the error `code` where one message serves the code.
 */
export const GENERAL_MESSAGES = {
  bad_request: { 'zh-CN': '请求无效。', en: 'The request is invalid.' },
  validation_failed: {
    'zh-CN': '请求有误，请检查：{fields}。',
    en: 'Invalid request: check {fields}.',
  },
  validation_failed_more: {
    'zh-CN': '请求有误，请检查：{fields}（另有 {more} 个问题未列出）。',
    en: 'Invalid request: check {fields} ({more} more problems not listed).',
  },
  unauthorized: { 'zh-CN': '请先登录。', en: 'Please log in.' },
  forbidden: { 'zh-CN': '您无权执行此操作。', en: 'You may not do this.' },
  not_found: { 'zh-CN': '所请求的内容不存在。', en: 'What you asked for does not exist.' },
  not_found_entity: {
    'zh-CN': '{entity} {id} 不存在。',
    en: 'The {entity} {id} does not exist.',
  },
  route_not_found: { 'zh-CN': '没有这个接口：{method} {path}。', en: 'There is no {method} {path}.' },
  method_not_allowed: { 'zh-CN': '此接口不支持该请求方法。', en: 'This method is not allowed here.' },
  conflict: {
    'zh-CN': '请求与当前数据冲突，请刷新后重试。',
    en: 'The request conflicts with the current data; reload and try again.',
  },
  gone: { 'zh-CN': '所请求的内容已不再可用。', en: 'What you asked for is no longer available.' },
  unprocessable: { 'zh-CN': '请求无法处理。', en: 'The request cannot be processed.' },
  too_many_requests: {
    'zh-CN': '请求过于频繁，请稍后再试。',
    en: 'Too many requests; please wait a moment and try again.',
  },
  internal_error: {
    'zh-CN': '服务器出错，请求未完成。',
    en: 'Something went wrong on our side; the request was not completed.',
  },
  service_unavailable: {
    'zh-CN': '服务暂时不可用，请稍后再试。',
    en: 'The service is unavailable for a moment; please try again later.',
  },
  error: { 'zh-CN': '请求失败。', en: 'The request failed.' },

  // The request body, before any route sees it.
  malformed_json: { 'zh-CN': '请求内容不是有效的 JSON 对象。', en: 'The request body is not a valid JSON object.' },
  payload_too_large: {
    'zh-CN': '请求内容过大（上限 {limit}）。',
    en: 'The request body is too large (at most {limit}).',
  },
  too_many_parameters: { 'zh-CN': '请求内容的参数过多。', en: 'The request body has too many parameters.' },
  unsupported_media_type: {
    'zh-CN': '请以 JSON 格式发送请求内容（Content-Type: application/json）。',
    en: 'Send the request body as JSON (Content-Type: application/json).',
  },
  charset_unsupported: { 'zh-CN': '请求内容必须使用 UTF-8 编码。', en: 'The request body must be UTF-8.' },
  encoding_unsupported: {
    'zh-CN': '不支持请求内容的压缩编码。',
    en: 'The content encoding of the request body is not supported.',
  },
  body_too_deep: {
    'zh-CN': '请求内容嵌套过深（最多 {limit} 层）。',
    en: 'The request body is nested too deeply (at most {limit} levels).',
  },
  body_too_many_keys: {
    'zh-CN': '请求内容中的某个对象字段过多（最多 {limit} 个）。',
    en: 'An object in the request body has too many fields (at most {limit}).',
  },
  body_too_many_items: {
    'zh-CN': '请求内容中的某个列表项目过多（最多 {limit} 项）。',
    en: 'A list in the request body has too many items (at most {limit}).',
  },
  body_too_many_values: {
    'zh-CN': '请求内容包含的值过多（最多 {limit} 个）。',
    en: 'The request body holds too many values (at most {limit}).',
  },
  id_not_uuid: { 'zh-CN': '路径中的 id 必须是 UUID。', en: 'The id in the path must be a UUID.' },

  // Signing in.
  unauthorized_no_token: {
    'zh-CN': '请先登录：此请求没有携带访问令牌。',
    en: 'Please log in: this request carries no access token.',
  },
  unauthorized_token_invalid: {
    'zh-CN': '访问令牌无效或已过期，请刷新或重新登录。',
    en: 'Your access token is invalid or has expired; refresh it or log in again.',
  },
  metrics_token_required: {
    'zh-CN': '读取监控指标需要令牌：请在 Authorization 头中携带 Bearer METRICS_TOKEN。',
    en: 'The metrics need a token: send Authorization: Bearer <METRICS_TOKEN>.',
  },
  session_ended: { 'zh-CN': '会话已结束，请重新登录。', en: 'Your session has ended; please log in again.' },
  refresh_token_reused: {
    'zh-CN': '此刷新令牌已被使用过，为安全起见会话已结束，请重新登录。',
    en: 'This refresh token was already used, so the session was ended for safety; please log in again.',
  },
  invalid_credentials: { 'zh-CN': '用户名或密码错误。', en: 'Wrong username or password.' },
  too_many_attempts: {
    'zh-CN': '此账号登录失败次数过多，请 {minutes} 分钟后再试。',
    en: 'Too many failed logins for this account; try again in {minutes} minutes.',
  },
  weak_password: {
    'zh-CN': '{field} 不符合密码规则：{reasons}。',
    en: '{field} is not accepted: {reasons}.',
  },
  username_taken: {
    'zh-CN': '用户名“{username}”已被使用：用户名不区分大小写（“Admin”与“admin”相同）。',
    en: 'The username "{username}" is taken: usernames are unique ignoring case ("Admin" is the same as "admin").',
  },
  last_admin_demoted: {
    'zh-CN': '{username} 是最后一个有效的管理员，不能降级：请先让另一个账号成为有效的管理员。',
    en: '{username} is the last active administrator and cannot be demoted: make another account an active administrator first.',
  },
  last_admin_deactivated: {
    'zh-CN': '{username} 是最后一个有效的管理员，不能停用：请先让另一个账号成为有效的管理员。',
    en: '{username} is the last active administrator and cannot be deactivated: make another account an active administrator first.',
  },
  last_admin_deleted: {
    'zh-CN': '{username} 是最后一个有效的管理员，不能删除：请先让另一个账号成为有效的管理员。',
    en: '{username} is the last active administrator and cannot be deleted: make another account an active administrator first.',
  },
  current_password_wrong: { 'zh-CN': '当前密码不正确。', en: 'The current password is wrong.' },
  queue_dashboard_sign_in: {
    'zh-CN': '队列面板仅供管理员使用：请登录后先 POST /api/admin/queue-session，再打开它。',
    en: 'The queue dashboard is for administrators: POST /api/admin/queue-session while signed in, then open it.',
  },
  queue_dashboard_redis_down: {
    'zh-CN': '队列面板需要 Redis，Redis 目前无法连接；请在 /api/health 恢复正常后再试。',
    en: 'The queue dashboard needs Redis, which is unreachable right now; try again when /api/health is ok.',
  },
  queue_dashboard_admin_only: {
    'zh-CN': '只有管理员可以打开队列面板。',
    en: 'Only administrators may open the queue dashboard.',
  },

  // The access rules (403).
  role_read_only: { 'zh-CN': '您的角色只能查看，不能修改。', en: 'Your role may read but not change anything.' },
  reference_delete_admin_only: {
    'zh-CN': '只有管理员可以删除共享的基础数据。',
    en: 'Only an administrator may delete shared reference data.',
  },
  coordinate_other_projects: {
    'zh-CN': '您协调的是其他项目，不是这个项目。',
    en: 'You coordinate other projects than this one.',
  },
  plan_only_own_projects: {
    'zh-CN': '只能在您协调的项目中修改任务和依赖关系。',
    en: 'Tasks and dependencies can only be changed in the projects you coordinate.',
  },
  admin_only: { 'zh-CN': '只有管理员可以修改此项。', en: 'Only an administrator may change this.' },
  field_crew_report_only: {
    'zh-CN': '您的角色只能报告自己任务的状态和进度。',
    en: 'Your role may only report the status and progress of your own tasks.',
  },
  task_of_other_crew: {
    'zh-CN': '此任务属于其他班组或部门，您只能查看。',
    en: 'This task belongs to another crew or department; you may only read it.',
  },
  only_status_progress: {
    'zh-CN': '您只能修改状态和进度，不能修改 {fields}。',
    en: 'You may change only status and progress, not {fields}.',
  },
  cancel_coordinators_only: {
    'zh-CN': '取消任务或重新启用已取消的任务，由项目的协调员负责。',
    en: "Cancelling a task, or reopening a cancelled one, is for the project's coordinators.",
  },
  notice_ack_crew_lead: {
    'zh-CN': '只有该班组的负责人可以确认其通知。',
    en: "Only the crew's lead acknowledges its notice.",
  },
  notice_send_coordinators: {
    'zh-CN': '只有该项目的协调员（和管理员）可以发送其通知。',
    en: 'Only the coordinators of the project (and administrators) send its notices.',
  },
  recompute_apply_forbidden: {
    'zh-CN': '只有项目的协调员和管理员可以应用重新计算。{reason}',
    en: "Only the project's coordinators and administrators may apply a recompute. {reason}",
  },
} as const satisfies Messages;
