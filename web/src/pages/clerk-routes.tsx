/** The văn thư's further pages (scan intake, the electronic inbox, the outgoing register), each loaded when opened. */
import { lazy, type ReactElement } from 'react';

const ScanIntake = lazy(() => import('./ScanIntake').then((m) => ({ default: m.ScanIntake })));
const ScanReview = lazy(() => import('./ScanReview').then((m) => ({ default: m.ScanReview })));
const OutgoingRegister = lazy(() => import('./OutgoingRegister').then((m) => ({ default: m.OutgoingRegister })));
const OutgoingNew = lazy(() => import('./OutgoingNew').then((m) => ({ default: m.OutgoingNew })));
const OutgoingDetail = lazy(() => import('./OutgoingDetail').then((m) => ({ default: m.OutgoingDetail })));
const ExchangeInbox = lazy(() => import('./ExchangeInbox').then((m) => ({ default: m.ExchangeInbox })));

/** The page at `pathname`, or null when it is not one of these. */
export function clerkPage(pathname: string): ReactElement | null {
  if (pathname === '/tiep-nhan') return <ScanIntake />;
  if (pathname === '/lien-thong') return <ExchangeInbox />;
  const scan = /^\/tiep-nhan\/([A-Za-z0-9_-]{1,64})$/.exec(pathname);
  if (scan) return <ScanReview scanId={scan[1]!} />;
  if (pathname === '/van-ban-di') return <OutgoingRegister />;
  if (pathname === '/van-ban-di/cap-so') return <OutgoingNew />;
  const entry = /^\/van-ban-di\/([A-Za-z0-9_-]{1,64})$/.exec(pathname);
  if (entry) return <OutgoingDetail id={entry[1]!} />;
  return null;
}
