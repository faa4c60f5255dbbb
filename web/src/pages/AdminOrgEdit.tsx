/**
 * Sửa tổ chức: rename an organisation, move it in the tree, set its e-mail, stop or resume it
 * (PATCH /v1/orgs/{orgId} with its version; the API audits the change and refuses a move that
 * would make a cycle). And revoking one of its machine clients (POST …/clients/{id}/revoke), asked
 * for again before it is done: the client's tokens are refused at once.
 */
import { useState } from 'react';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Select from '@cloudscape-design/components/select';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { Schemas } from '../api/client';
import { useSession } from '../session';
import { adminRefusal, descendantsOf } from '../admin';
import { EditPanel, StateToggle } from './AdminEditPanel';

type Org = Schemas['Organisation'];
const TOP = { value: '', label: 'Không (cấp trên cùng)' };

export function EditOrg({ org, orgs, onSaved }: { org: Org; orgs: Org[]; onSaved(o: Org): void }) {
  const { api } = useSession();
  const [name, setName] = useState(org.name);
  const [parent, setParent] = useState<string | null>(org.parentId);
  const [email, setEmail] = useState(org.email ?? '');
  const [active, setActive] = useState(org.active);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const below = descendantsOf(org.id, orgs);
  const places = orgs.filter((o) => o.id !== org.id && !below.has(o.id));
  const changes = {
    ...(name.trim() !== org.name ? { name: name.trim() } : {}),
    ...(parent !== org.parentId ? { parentId: parent } : {}),
    ...(email.trim() !== (org.email ?? '') ? { email: email.trim() || null } : {}),
    ...(active !== org.active ? { active } : {}),
  };
  const save = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    const r = await api.PATCH('/v1/orgs/{orgId}', { params: { path: { orgId: org.id } }, body: { version: org.version, ...changes } }).catch(() => null);
    setBusy(false);
    if (!r) return setError('Không kết nối được máy chủ.');
    if (!r.data) return setError(r.error?.error?.code === 'ORG_CYCLE' ? 'Không thể chuyển tổ chức vào dưới chính nó hoặc một tổ chức trực thuộc nó.' : adminRefusal(r.response.status, r.error));
    setSaved(true);
    onSaved(r.data);
  };
  return (
    <EditPanel
      region={`Sửa tổ chức ${org.name}`}
      title={`Sửa tổ chức ${org.name}`}
      description="Mọi thay đổi được ghi vào nhật ký hệ thống."
      error={error}
      saved={saved}
      busy={busy}
      canSave={!!name.trim() && Object.keys(changes).length > 0}
      onSave={() => void save()}
    >
      <FormField label="Tên gọi">
        <Input value={name} onChange={(e) => setName(e.detail.value)} />
      </FormField>
      <FormField label="Cấp trên trực tiếp">
        <Select
          selectedOption={parent ? { value: parent, label: orgs.find((o) => o.id === parent)?.name ?? parent } : TOP}
          options={[TOP, ...places.map((o) => ({ value: o.id, label: o.name }))]}
          onChange={(e) => setParent(e.detail.selectedOption.value || null)}
        />
      </FormField>
      <FormField label="Địa chỉ thư điện tử">
        <Input type="email" value={email} onChange={(e) => setEmail(e.detail.value)} />
      </FormField>
      <StateToggle label="Trạng thái" checked={active} on="Đang hoạt động" off="Ngừng hoạt động" onChange={setActive} />
    </EditPanel>
  );
}

/** The button that revokes one client, after the administrator confirms it. */
export function RevokeClient({ org, client, onRevoked }: { org: Org; client: Schemas['MachineClient']; onRevoked(): void }) {
  const { api } = useSession();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revoke = async () => {
    setBusy(true);
    setError(null);
    const r = await api.POST('/v1/orgs/{orgId}/clients/{clientId}/revoke', { params: { path: { orgId: org.id, clientId: client.clientId } } }).catch(() => null);
    setBusy(false);
    if (!r) return setError('Không kết nối được máy chủ.');
    if (!r.data) return setError(adminRefusal(r.response.status, r.error));
    setAsking(false);
    onRevoked();
  };
  return (
    <>
      <Button variant="inline-link" ariaLabel={`Thu hồi ứng dụng ${client.clientId}`} onClick={() => setAsking(true)}>
        Thu hồi
      </Button>
      <Modal
        visible={asking}
        onDismiss={() => setAsking(false)}
        header="Thu hồi ứng dụng kết nối?"
        closeAriaLabel="Đóng"
        footer={
          <Box float="right">
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" onClick={() => setAsking(false)}>
                Không thu hồi
              </Button>
              <Button variant="primary" loading={busy} onClick={() => void revoke()}>
                Thu hồi ứng dụng
              </Button>
            </SpaceBetween>
          </Box>
        }
      >
        <SpaceBetween size="s">
          <Box>
            Ứng dụng {client.clientId} của {org.name} sẽ không lấy được mã truy cập và không nộp được báo cáo nữa, kể cả bằng mã đã cấp trước đó. Không thể hoàn tác; muốn kết nối lại phải tạo ứng dụng mới.
          </Box>
          {error && <Box color="text-status-error">{error}</Box>}
        </SpaceBetween>
      </Modal>
    </>
  );
}
