/** The shell: top navigation (the person, their role, sign-out), side navigation by role, and the pages. */
import { lazy, Suspense, useEffect } from 'react';
import AppLayout from '@cloudscape-design/components/app-layout';
import TopNavigation from '@cloudscape-design/components/top-navigation';
import SideNavigation from '@cloudscape-design/components/side-navigation';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Alert from '@cloudscape-design/components/alert';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { SessionContext, type Session } from './session';
import { follow, navigate, useLocation } from './router';
import { homeOf, sectionsFor, SECTIONS } from './navigation';
import { CLEARANCE_LABELS, ROLE_LABELS, type Role } from './labels';
import { IncomingRegister } from './pages/IncomingRegister';
import Spinner from '@cloudscape-design/components/spinner';
import { clerkPage } from './pages/clerk-routes';
import { workRoute } from './pages/console-routes';
import { reportsRoute } from './pages/reports-routes';

// The first screen (the register) ships in the main bundle; the other pages load when opened.
const IncomingNew = lazy(() => import('./pages/IncomingNew').then((m) => ({ default: m.IncomingNew })));
const IncomingDetail = lazy(() => import('./pages/IncomingDetail').then((m) => ({ default: m.IncomingDetail })));

const TITLE = 'Văn phòng cấp ủy';

function Page({ pathname }: { pathname: string }) {
  if (pathname === '/van-ban-den') return <IncomingRegister />;
  if (pathname === '/van-ban-den/vao-so') return <IncomingNew />;
  const entry = /^\/van-ban-den\/([A-Za-z0-9_-]{1,64})$/.exec(pathname);
  if (entry) return <IncomingDetail id={entry[1]!} />;
  const clerk = clerkPage(pathname);
  if (clerk) return clerk;
  const work = workRoute(pathname);
  if (work) return work;
  const reports = reportsRoute(pathname);
  if (reports) return reports;
  const section = SECTIONS.find((s) => s.href === pathname);
  if (section) {
    return (
      <ContentLayout header={<Header variant="h1">{section.label}</Header>}>
        <Alert type="info" header="Màn hình này đang được xây dựng">
          Chức năng “{section.label}” sẽ có trong bản cập nhật tới của trang điều hành.
        </Alert>
      </ContentLayout>
    );
  }
  return (
    <ContentLayout header={<Header variant="h1">Không tìm thấy trang</Header>}>
      <Box>
        Trang này không có. <Button variant="inline-link" href="/" onFollow={follow}>Về trang đầu</Button>
      </Box>
    </ContentLayout>
  );
}

export function App({ session }: { session: Session }) {
  const { pathname } = useLocation();
  const roles = session.me.roles as Role[];
  const sections = sectionsFor(roles);
  useEffect(() => {
    if (pathname === '/') navigate(homeOf(roles), { replace: true });
  }, [pathname, roles]);
  const active = sections.find((s) => pathname === s.href || pathname.startsWith(`${s.href}/`))?.href ?? pathname;
  const roleText = roles.map((r) => ROLE_LABELS[r] ?? r).join(', ') || 'Chưa được phân quyền';
  const section = sections.find((s) => s.href === active);
  useEffect(() => {
    document.title = section ? `${section.label} — ${TITLE}` : TITLE;
  }, [section]);
  return (
    <SessionContext.Provider value={session}>
      <div id="top-nav" style={{ position: 'sticky', top: 0, zIndex: 1002 }}>
        <TopNavigation
          identity={{ href: '/', title: `${TITLE} — Quản lý văn bản`, onFollow: (e) => follow(e as CustomEvent<{ href?: string }>) }}
          utilities={[
            {
              type: 'menu-dropdown',
              text: `${session.displayName} · ${roleText}`,
              description: CLEARANCE_LABELS[session.me.clearance],
              iconName: 'user-profile',
              // The visible text is part of the name (WCAG 2.5.3, axe's label-content-name-mismatch).
              ariaLabel: `Tài khoản ${session.displayName} · ${roleText}`,
              items: [{ id: 'dang-xuat', text: 'Đăng xuất' }],
              onItemClick: (e) => {
                if (e.detail.id === 'dang-xuat') void session.signOut();
              },
            },
          ]}
        />
      </div>
      <AppLayout
        headerSelector="#top-nav"
        toolsHide
        navigation={
          <SideNavigation
            header={{ text: 'Các mục', href: homeOf(roles) }}
            activeHref={active}
            items={sections.map((s) => ({ type: 'link' as const, text: s.label, href: s.href }))}
            onFollow={follow}
          />
        }
        content={
          <Suspense fallback={<Spinner size="large" />}>
            <Page pathname={pathname} />
          </Suspense>
        }
      />
    </SessionContext.Provider>
  );
}

export function SignedOut({ onSignIn }: { onSignIn(): void }) {
  return (
    <Box padding="xxl" textAlign="center">
      <Box variant="h1">Bạn đã đăng xuất</Box>
      <Box variant="p" margin={{ bottom: 'l' }}>
        Phiên làm việc trên trình duyệt này đã kết thúc.
      </Box>
      <Button variant="primary" onClick={onSignIn}>
        Đăng nhập lại
      </Button>
    </Box>
  );
}

export function StartFailure({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <Box padding="xxl">
      <Alert type="error" header="Không mở được trang điều hành" action={<Button onClick={onRetry ?? (() => window.location.assign('/'))}>Thử lại</Button>}>
        {message}
      </Alert>
    </Box>
  );
}
