/** The reports and administration pages (each loads when opened), by path. */
import { lazy, type ReactNode } from 'react';

const Reports = lazy(() => import('./Reports').then((m) => ({ default: m.Reports })));
const ReportDetail = lazy(() => import('./ReportDetail').then((m) => ({ default: m.ReportDetail })));
const Admin = lazy(() => import('./Admin').then((m) => ({ default: m.Admin })));

export function reportsRoute(pathname: string): ReactNode | null {
  if (pathname === '/bao-cao') return <Reports />;
  const report = /^\/bao-cao\/([A-Za-z0-9_.:-]{1,128})$/.exec(pathname);
  if (report) return <ReportDetail key={report[1]} id={decodeURIComponent(report[1]!)} />;
  if (pathname === '/quan-tri') return <Admin />;
  return null;
}
