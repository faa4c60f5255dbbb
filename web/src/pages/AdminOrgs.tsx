/**
 * Tổ chức: the subordinate organisations (GET/POST /v1/orgs, edited with PATCH: AdminOrgEdit) and
 * each one's machine clients (GET/POST /v1/orgs/{orgId}/clients, revoked from here). A new client's secret is in the creating answer only: it is
 * shown once, with a warning, held in this component's state alone and forgotten when dismissed.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import Table from '@cloudscape-design/components/table';
import Header from '@cloudscape-design/components/header';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Select from '@cloudscape-design/components/select';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Alert from '@cloudscape-design/components/alert';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { Api, Schemas } from '../api/client';
import { useSession } from '../session';
import { formatDateTime } from '../format';
import { adminRefusal } from '../admin';
import { EditOrg, RevokeClient } from './AdminOrgEdit';

type Org = Schemas['Organisation'];

async function allOrgs(api: Api): Promise<Org[]> {
  const out: Org[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const r = await api.GET('/v1/orgs', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } });
    if (!r.data) throw new Error(adminRefusal(r.response.status, r.error));
    out.push(...r.data.items);
    if (!r.data.nextCursor) break;
    cursor = r.data.nextCursor;
  }
  return out;
}

function NewOrg({ orgs, onMade }: { orgs: Org[]; onMade(o: Org): void }) {
  const { api } = useSession();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [parent, setParent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    const body = { name: name.trim(), ...(id.trim() ? { id: id.trim() } : {}), ...(email.trim() ? { email: email.trim() } : {}), parentId: parent };
    const r = await api.POST('/v1/orgs', { body }).catch(() => null);
    setBusy(false);
    if (!r) return setError('Không kết nối được máy chủ.');
    if (!r.data) return setError(adminRefusal(r.response.status, r.error));
    setId('');
    setName('');
    setEmail('');
    onMade(r.data);
  };
  return (
    <Container header={<Header variant="h2">Thêm tổ chức</Header>}>
      <Form errorText={error ?? undefined} actions={<Button variant="primary" loading={busy} disabled={!name.trim()} onClick={() => void submit()}>Thêm tổ chức</Button>}>
        <ColumnLayout columns={2}>
          <FormField label="Tên tổ chức"><Input value={name} onChange={(e) => setName(e.detail.value)} /></FormField>
          <FormField label="Mã tổ chức" description="Chữ, số, - hoặc _; để trống để hệ thống tự đặt."><Input value={id} onChange={(e) => setId(e.detail.value)} /></FormField>
          <FormField label="Trực thuộc">
            <Select
              selectedOption={parent ? { value: parent, label: orgs.find((o) => o.id === parent)?.name ?? parent } : { value: '', label: 'Không (cấp trên cùng)' }}
              options={[{ value: '', label: 'Không (cấp trên cùng)' }, ...orgs.map((o) => ({ value: o.id, label: o.name }))]}
              onChange={(e) => setParent(e.detail.selectedOption.value || null)}
            />
          </FormField>
          <FormField label="Thư điện tử nhận nhắc nộp báo cáo"><Input type="email" value={email} onChange={(e) => setEmail(e.detail.value)} /></FormField>
        </ColumnLayout>
      </Form>
    </Container>
  );
}

function Clients({ org }: { org: Org }) {
  const { api } = useSession();
  const [clients, setClients] = useState<Schemas['MachineClient'][] | null>(null);
  const [fresh, setFresh] = useState<Schemas['NewMachineClient'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    api.GET('/v1/orgs/{orgId}/clients', { params: { path: { orgId: org.id } } }).then((r) => (r.data ? setClients(r.data.items) : setError(adminRefusal(r.response.status, r.error))), () => setError('Không kết nối được máy chủ.'));
  }, [api, org.id]);
  useEffect(load, [load]);
  const make = async () => {
    setBusy(true);
    setError(null);
    const r = await api.POST('/v1/orgs/{orgId}/clients', { params: { path: { orgId: org.id } } }).catch(() => null);
    setBusy(false);
    if (!r) return setError('Không kết nối được máy chủ.');
    if (!r.data) return setError(adminRefusal(r.response.status, r.error));
    setFresh(r.data);
    load();
  };
  return (
    <SpaceBetween size="m">
      {error && <Alert type="error">{error}</Alert>}
      {fresh && (
        <Alert
          type="warning"
          header="Khóa bí mật chỉ hiển thị một lần duy nhất"
          action={<Button onClick={() => setFresh(null)}>Tôi đã lưu khóa bí mật</Button>}
        >
          <SpaceBetween size="s">
            <Box>Hãy sao chép và lưu khóa bí mật này ở nơi an toàn, rồi chuyển cho đơn vị theo đường bảo mật. Sau khi đóng thông báo hoặc tải lại trang, hệ thống sẽ không bao giờ hiển thị lại khóa này; nếu mất, phải tạo ứng dụng kết nối mới.</Box>
            <KeyValuePairs
              columns={2}
              items={[
                { label: 'Mã ứng dụng (client_id)', value: <Box variant="code">{fresh.clientId}</Box> },
                { label: 'Khóa bí mật (client_secret)', value: <Box variant="code"><span aria-label="Khóa bí mật">{fresh.clientSecret}</span></Box> },
              ]}
            />
          </SpaceBetween>
        </Alert>
      )}
      <Table
        ariaLabels={{ tableLabel: `Ứng dụng kết nối của ${org.name}` }}
        header={<Header variant="h2" description="Phần mềm của đơn vị dùng mã ứng dụng và khóa bí mật để nộp báo cáo qua API." actions={<Button loading={busy} onClick={() => void make()}>Tạo ứng dụng kết nối</Button>}>Ứng dụng kết nối của {org.name}</Header>}
        loading={!clients && !error}
        loadingText="Đang tải…"
        items={clients ?? []}
        empty={<Box textAlign="center">Tổ chức này chưa có ứng dụng kết nối.</Box>}
        columnDefinitions={[
          { id: 'id', header: 'Mã ứng dụng', cell: (c) => c.clientId },
          { id: 'name', header: 'Tên', cell: (c) => c.name },
          { id: 'at', header: 'Tạo lúc', cell: (c) => formatDateTime(c.createdAt) },
          { id: 's', header: 'Trạng thái', cell: (c) => (c.revoked ? <StatusIndicator type="stopped">Đã thu hồi{c.revokedAt ? ` lúc ${formatDateTime(c.revokedAt)}` : ''}</StatusIndicator> : <StatusIndicator type="success">Đang dùng</StatusIndicator>) },
          { id: 'r', header: 'Thu hồi', cell: (c) => (c.revoked ? '—' : <RevokeClient org={org} client={c} onRevoked={load} />) },
        ]}
      />
    </SpaceBetween>
  );
}

export function AdminOrgs() {
  const { api } = useSession();
  const [orgs, setOrgs] = useState<Org[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Org | null>(null);
  useEffect(() => {
    allOrgs(api).then(setOrgs, (e: Error) => setError(e.message));
  }, [api]);
  const names = useMemo(() => new Map((orgs ?? []).map((o) => [o.id, o.name])), [orgs]);
  return (
    <SpaceBetween size="l">
      {error && <Alert type="error">{error}</Alert>}
      <Table
        ariaLabels={{ tableLabel: 'Tổ chức trực thuộc', itemSelectionLabel: (_s, o) => `Chọn ${o.name}`, selectionGroupLabel: 'Chọn tổ chức' }}
        header={<Header variant="h2" counter={orgs ? `(${orgs.length})` : undefined}>Tổ chức trực thuộc</Header>}
        loading={!orgs && !error}
        loadingText="Đang tải…"
        items={orgs ?? []}
        trackBy="id"
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems[0] ?? null)}
        empty={<Box textAlign="center">Chưa có tổ chức nào.</Box>}
        columnDefinitions={[
          { id: 'name', header: 'Tên tổ chức', cell: (o) => o.name },
          { id: 'id', header: 'Mã', cell: (o) => o.id },
          { id: 'p', header: 'Trực thuộc', cell: (o) => (o.parentId ? names.get(o.parentId) ?? o.parentId : '—') },
          { id: 'e', header: 'Thư điện tử', cell: (o) => o.email ?? '—' },
          { id: 'a', header: 'Trạng thái', cell: (o) => (o.active ? 'Đang hoạt động' : 'Ngừng hoạt động') },
        ]}
      />
      {selected ? (
        <>
          <EditOrg key={selected.id} org={selected} orgs={orgs ?? []} onSaved={(o) => (setOrgs((all) => (all ?? []).map((x) => (x.id === o.id ? o : x))), setSelected(o))} />
          <Clients key={selected.id} org={selected} />
        </>
      ) : (
        <Box color="text-status-inactive">Chọn một tổ chức để sửa, xem và tạo ứng dụng kết nối.</Box>
      )}
      <NewOrg orgs={orgs ?? []} onMade={(o) => { setOrgs((all) => [...(all ?? []), o]); setSelected(o); }} />
    </SpaceBetween>
  );
}
