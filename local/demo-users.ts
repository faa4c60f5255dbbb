/** The demo users of api.md, seeded in the embedded office. */
import type { PoolUser } from './issuer';

export interface DemoUser {
  username: string;
  name: string;
  roles: string[];
  clearance: 'none' | 'mat' | 'toi-mat' | 'tuyet-mat';
  dept?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', name: 'Quản trị hệ thống', roles: ['admin'], clearance: 'none' },
  { username: 'vanthu', name: 'Văn thư', roles: ['van-thu'], clearance: 'mat' },
  { username: 'chuyenvien', name: 'Chuyên viên', roles: ['chuyen-vien'], clearance: 'mat' },
  { username: 'chuyenvien2', name: 'Chuyên viên 2', roles: ['chuyen-vien'], clearance: 'none' },
  { username: 'chanhvp', name: 'Chánh Văn phòng', roles: ['lanh-dao-vp'], clearance: 'toi-mat' },
  { username: 'bithu', name: 'Bí thư', roles: ['thuong-truc'], clearance: 'tuyet-mat' },
  { username: 'bantochuc', name: 'Ban Tổ chức', roles: ['ban-tham-muu'], clearance: 'none', dept: 'BTCTU' },
];

/** A demo user's e-mail address: reminders to them land in the embedded outbox addressed so. */
export const demoEmail = (username: string) => `${username}@daumoi.local`;

/** The user as the embedded user pool first holds them (the admin users API changes them later). */
export function poolUser(u: Pick<DemoUser, 'username' | 'roles' | 'clearance' | 'dept'>): PoolUser {
  return { username: u.username, sub: `user-${u.username}`, roles: u.roles, clearance: u.clearance, ...(u.dept ? { dept: u.dept } : {}) };
}

export function findDemoUser(username: string): DemoUser | undefined {
  return DEMO_USERS.find((u) => u.username === username);
}
