/**
 * Người dùng: the office's people (GET /v1/users) and the audited change of their roles, clearance
 * and department with a reason (PUT /v1/users/{username}). The API refuses a person changing their
 * own: the refusal is shown in Vietnamese, nothing is decided here.
 */
import { useEffect, useState } from 'react';
import Table from '@cloudscape-design/components/table';
import Header from '@cloudscape-design/components/header';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Multiselect from '@cloudscape-design/components/multiselect';
import Select from '@cloudscape-design/components/select';
import Input from '@cloudscape-design/components/input';
import Textarea from '@cloudscape-design/components/textarea';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Alert from '@cloudscape-design/components/alert';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { Schemas } from '../api/client';
import { useSession } from '../session';
import { CLEARANCE_LABELS, ROLE_LABELS } from '../labels';
import { adminRefusal } from '../admin';

type User = Schemas['User'];
type Change = Schemas['UserChange'];
const ASSIGNABLE: Change['roles'] = ['admin', 'van-thu', 'chuyen-vien', 'lanh-dao-vp', 'thuong-truc', 'ban-tham-muu'];
const CLEARANCES: Change['clearance'][] = ['none', 'mat', 'toi-mat', 'tuyet-mat'];

function EditUser({ user, onClose, onSaved }: { user: User; onClose(): void; onSaved(u: User): void }) {
  const { api } = useSession();
  const [roles, setRoles] = useState<Change['roles']>(user.roles.filter((r): r is Change['roles'][number] => r !== 'don-vi'));
  const [clearance, setClearance] = useState<Change['clearance']>(user.clearance);
  const [dept, setDept] = useState(user.dept ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!reason.trim()) return setError('Hãy ghi lý do thay đổi (ví dụ: số quyết định).');
    setBusy(true);
    setError(null);
    const r = await api.PUT('/v1/users/{username}', { params: { path: { username: user.username } }, body: { roles, clearance, dept: dept.trim() || null, reason: reason.trim() } }).catch(() => null);
    setBusy(false);
    if (!r) return setError('Không kết nối được máy chủ.');
    if (!r.data) return setError(adminRefusal(r.response.status, r.error));
    onSaved(r.data);
  };
  return (
    <Modal
      visible
      onDismiss={onClose}
      header={`Phân quyền cho ${user.username}`}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onClose}>Hủy</Button>
            <Button variant="primary" loading={busy} onClick={() => void save()}>Lưu thay đổi</Button>
          </SpaceBetween>
        </Box>
      }
    >
      <Form errorText={error ?? undefined}>
        <SpaceBetween size="m">
          <FormField label="Vai trò">
            <Multiselect
              selectedOptions={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              options={ASSIGNABLE.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              onChange={(e) => setRoles(e.detail.selectedOptions.map((o) => o.value as Change['roles'][number]))}
              placeholder="Chọn vai trò"
              tokenLimit={6}
              deselectAriaLabel={(o) => `Bỏ vai trò ${o.label}`}
            />
          </FormField>
          <FormField label="Độ mật được tiếp cận">
            <Select
              selectedOption={{ value: clearance, label: CLEARANCE_LABELS[clearance] }}
              options={CLEARANCES.map((c) => ({ value: c, label: CLEARANCE_LABELS[c] }))}
              onChange={(e) => setClearance(e.detail.selectedOption.value as Change['clearance'])}
            />
          </FormField>
          <FormField label="Đơn vị tham mưu" description="Mã cơ quan ban hành của ban tham mưu (ví dụ BTCTU); để trống nếu không có.">
            <Input value={dept} onChange={(e) => setDept(e.detail.value)} />
          </FormField>
          <FormField label="Lý do thay đổi" description="Được ghi vào nhật ký hệ thống cùng người thực hiện.">
            <Textarea value={reason} onChange={(e) => setReason(e.detail.value)} />
          </FormField>
        </SpaceBetween>
      </Form>
    </Modal>
  );
}

export function AdminUsers() {
  const { api } = useSession();
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    api.GET('/v1/users').then((r) => (r.data ? setUsers(r.data.items) : setError(adminRefusal(r.response.status, r.error))), () => setError('Không kết nối được máy chủ.'));
  }, [api]);
  return (
    <SpaceBetween size="m">
      {error && <Alert type="error">{error}</Alert>}
      {notice && <Alert type="success" dismissible onDismiss={() => setNotice(null)}>{notice}</Alert>}
      <Table
        ariaLabels={{ tableLabel: 'Người dùng' }}
        header={<Header variant="h2" counter={users ? `(${users.length})` : undefined} description="Thay đổi vai trò, độ mật và đơn vị được ghi vào nhật ký hệ thống.">Người dùng</Header>}
        loading={!users && !error}
        loadingText="Đang tải…"
        items={users ?? []}
        trackBy="username"
        columnDefinitions={[
          { id: 'u', header: 'Tên đăng nhập', cell: (u) => u.username },
          { id: 'r', header: 'Vai trò', cell: (u) => u.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ') || '—' },
          { id: 'c', header: 'Độ mật được tiếp cận', cell: (u) => CLEARANCE_LABELS[u.clearance] },
          { id: 'd', header: 'Đơn vị', cell: (u) => u.dept ?? '—' },
          { id: 'e', header: 'Trạng thái', cell: (u) => (u.enabled ? <StatusIndicator type="success">Đang hoạt động</StatusIndicator> : <StatusIndicator type="stopped">Đã khóa</StatusIndicator>) },
          { id: 'a', header: 'Thao tác', cell: (u) => (u.roles.includes('don-vi') ? '—' : <Button variant="inline-link" ariaLabel={`Phân quyền cho ${u.username}`} onClick={() => setEditing(u)}>Phân quyền</Button>) },
        ]}
      />
      {editing && (
        <EditUser
          user={editing}
          onClose={() => setEditing(null)}
          onSaved={(u) => {
            setUsers((all) => (all ?? []).map((x) => (x.username === u.username ? u : x)));
            setEditing(null);
            setNotice(`Đã cập nhật quyền của ${u.username}; thay đổi có hiệu lực từ lần đăng nhập tới của người đó.`);
          }}
        />
      )}
    </SpaceBetween>
  );
}
