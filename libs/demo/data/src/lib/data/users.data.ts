import { Role } from '@worksite/shared-domain';

/** One demo account per role; the passwords are for the demo only and listed in the README. */
export interface DemoUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  /** Agency: department key. */
  department?: string;
  /** Contractor: crew keys (contractor name/crew name). */
  crews?: string[];
  /** Coordinator: project codes. */
  projects?: string[];
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', password: 'demo-guanliyuan-2026', role: Role.Admin },
  {
    username: 'zhenhongbo',
    displayName: '甄鸿波',
    password: 'demo-coordinator-2026',
    role: Role.Coordinator,
    projects: ['HPXC-FXRD', 'HPXC-QX1027'],
  },
  {
    username: 'wangjianguo',
    displayName: '王建国',
    password: 'demo-contractor-2026',
    role: Role.Contractor,
    crews: ['国网沈阳供电公司和平供电中心/电缆一班', '国网沈阳供电公司和平供电中心/电缆二班'],
  },
  {
    username: 'liuzhendong',
    displayName: '刘振东',
    password: 'demo-agency-2026',
    role: Role.Agency,
    department: 'power',
  },
  { username: 'viewer', displayName: '街道办观察员', password: 'demo-guanchayuan-2026', role: Role.Viewer },
];
