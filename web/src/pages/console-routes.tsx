/** The pages of the specialists, leaders and drafting departments (each loads when opened), by path. */
import { lazy, type ReactNode } from 'react';

const MyWork = lazy(() => import('./MyWork').then((m) => ({ default: m.MyWork })));
const ApprovalInbox = lazy(() => import('./ApprovalInbox').then((m) => ({ default: m.ApprovalInbox })));
const Overview = lazy(() => import('./Overview').then((m) => ({ default: m.Overview })));
const DraftList = lazy(() => import('./DraftList').then((m) => ({ default: m.DraftList })));
const DraftNew = lazy(() => import('./DraftNew').then((m) => ({ default: m.DraftNew })));
const FollowUp = lazy(() => import('./FollowUp').then((m) => ({ default: m.FollowUp })));
const DraftDetail = lazy(() => import('./DraftDetail').then((m) => ({ default: m.DraftDetail })));

export function workRoute(pathname: string): ReactNode | null {
  if (pathname === '/viec-cua-toi') return <MyWork />;
  if (pathname === '/phe-duyet') return <ApprovalInbox />;
  if (pathname === '/tong-quan') return <Overview />;
  if (pathname === '/giao-viec') return <FollowUp />;
  if (pathname === '/du-thao') return <DraftList />;
  if (pathname === '/du-thao/moi') return <DraftNew />;
  const draft = /^\/du-thao\/([A-Za-z0-9_-]{1,64})$/.exec(pathname);
  if (draft) return <DraftDetail key={draft[1]} id={draft[1]!} />;
  return null;
}
