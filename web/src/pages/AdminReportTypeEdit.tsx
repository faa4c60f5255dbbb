/**
 * Sửa loại báo cáo: its name, its deadline (the day of the month after the period, or an ad-hoc
 * type's day), whether it applies (PATCH /v1/report-types/{code} with its version; audited by the
 * API). Its period kind does not change: a type of another kind is a new type.
 */
import { useState } from 'react';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import type { Schemas } from '../api/client';
import { useSession } from '../session';
import { formatDate } from '../format';
import { adminRefusal, reportTypeChanges } from '../admin';
import { PERIOD_KIND_TEXT } from '../reports';
import { EditPanel, StateToggle } from './AdminEditPanel';

type ReportType = Schemas['ReportType'];

export function EditReportType({ type, onSaved }: { type: ReportType; onSaved(t: ReportType): void }) {
  const { api } = useSession();
  const [name, setName] = useState(type.name);
  const [dueDay, setDueDay] = useState(String(type.dueDay ?? ''));
  const [deadline, setDeadline] = useState(type.deadline ? formatDate(type.deadline) : '');
  const [active, setActive] = useState(type.active);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const planned = reportTypeChanges(type, { name, dueDay, deadline, active });
  const save = async () => {
    setSaved(false);
    if ('problem' in planned) return setError(planned.problem);
    setBusy(true);
    setError(null);
    const r = await api.PATCH('/v1/report-types/{code}', { params: { path: { code: type.code } }, body: { version: type.version, ...planned.changes } }).catch(() => null);
    setBusy(false);
    if (!r) return setError('Không kết nối được máy chủ.');
    if (!r.data) return setError(adminRefusal(r.response.status, r.error));
    setSaved(true);
    onSaved(r.data);
  };
  return (
    <EditPanel
      region={`Sửa loại báo cáo ${type.code}`}
      title={`Sửa loại báo cáo ${type.name}`}
      description={`Kỳ: ${PERIOD_KIND_TEXT[type.period]} (không đổi được). Mọi thay đổi được ghi vào nhật ký hệ thống.`}
      error={error}
      saved={saved}
      busy={busy}
      canSave={!('changes' in planned) || Object.keys(planned.changes).length > 0}
      onSave={() => void save()}
    >
      <FormField label="Tên gọi">
        <Input value={name} onChange={(e) => setName(e.detail.value)} />
      </FormField>
      {type.period === 'ad-hoc' ? (
        <FormField label="Hạn nộp mới (ngày/tháng/năm)">
          <Input value={deadline} placeholder="dd/mm/yyyy" onChange={(e) => setDeadline(e.detail.value)} />
        </FormField>
      ) : (
        <FormField label="Ngày hạn nộp mới trong tháng sau kỳ">
          <Input type="number" value={dueDay} onChange={(e) => setDueDay(e.detail.value)} />
        </FormField>
      )}
      <StateToggle label="Áp dụng" checked={active} on="Đang áp dụng" off="Ngừng áp dụng" onChange={setActive} />
    </EditPanel>
  );
}
