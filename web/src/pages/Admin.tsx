/** Quản trị: people, organisations and their clients, report types, the audit log; one tab each (kept in ?muc=). */
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Tabs from '@cloudscape-design/components/tabs';
import { navigate, useLocation } from '../router';
import { AdminUsers } from './AdminUsers';
import { AdminOrgs } from './AdminOrgs';
import { AdminReportTypes } from './AdminReportTypes';
import { AuditLog } from './AuditLog';

const TABS = ['nguoi-dung', 'to-chuc', 'loai-bao-cao', 'nhat-ky'] as const;

export function Admin() {
  const { search } = useLocation();
  const muc = search.get('muc');
  const active = TABS.find((t) => t === muc) ?? 'nguoi-dung';
  return (
    <ContentLayout header={<Header variant="h1" description="Người dùng, tổ chức trực thuộc, loại báo cáo và nhật ký hệ thống.">Quản trị</Header>}>
      <Tabs
        activeTabId={active}
        onChange={(e) => navigate(`/quan-tri?muc=${e.detail.activeTabId}`, { replace: true })}
        ariaLabel="Các mục quản trị"
        tabs={[
          { id: 'nguoi-dung', label: 'Người dùng', content: <AdminUsers /> },
          { id: 'to-chuc', label: 'Tổ chức và ứng dụng kết nối', content: <AdminOrgs /> },
          { id: 'loai-bao-cao', label: 'Loại báo cáo', content: <AdminReportTypes /> },
          { id: 'nhat-ky', label: 'Nhật ký hệ thống', content: <AuditLog /> },
        ]}
      />
    </ContentLayout>
  );
}
