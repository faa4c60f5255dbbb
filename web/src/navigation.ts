/**
 * The console's sections, each for the roles that use it (api.md, Console: the labels are part of
 * the contract). What a role may do is the API's decision; this only leaves out pages of no use to it.
 */
import type { Role } from './labels';

export interface Section {
  label: string;
  href: string;
  roles: readonly Role[];
}

const OFFICE: readonly Role[] = ['admin', 'van-thu', 'chuyen-vien', 'lanh-dao-vp', 'thuong-truc'];

export const SECTIONS: readonly Section[] = [
  { label: 'Văn bản đến', href: '/van-ban-den', roles: OFFICE },
  { label: 'Tiếp nhận văn bản quét', href: '/tiep-nhan', roles: ['van-thu'] },
  { label: 'Văn bản điện tử đến', href: '/lien-thong', roles: ['van-thu'] },
  { label: 'Văn bản đi', href: '/van-ban-di', roles: OFFICE },
  { label: 'Việc của tôi', href: '/viec-cua-toi', roles: ['chuyen-vien', 'lanh-dao-vp', 'thuong-truc'] },
  { label: 'Dự thảo', href: '/du-thao', roles: ['ban-tham-muu', 'chuyen-vien', 'lanh-dao-vp', 'thuong-truc'] },
  { label: 'Phê duyệt dự thảo', href: '/phe-duyet', roles: ['thuong-truc', 'lanh-dao-vp'] },
  { label: 'Tổng quan trong ngày', href: '/tong-quan', roles: ['thuong-truc', 'lanh-dao-vp'] },
  { label: 'Theo dõi giao việc', href: '/giao-viec', roles: ['thuong-truc', 'lanh-dao-vp'] },
  { label: 'Báo cáo', href: '/bao-cao', roles: OFFICE },
  { label: 'Quản trị', href: '/quan-tri', roles: ['admin'] },
];

export function sectionsFor(roles: readonly string[]): Section[] {
  return SECTIONS.filter((s) => s.roles.some((r) => roles.includes(r)));
}

/** The first page of a person: their first section. */
export function homeOf(roles: readonly string[]): string {
  return sectionsFor(roles)[0]?.href ?? '/';
}
