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
import { formatDate, parseDayInput } from '../format';
import { adminRefusal } from '../admin';
import { PERIOD_KIND_TEXT } from '../reports';
import { EditPanel, StateToggle } from './AdminEditPanel';

type ReportType = Schemas['ReportType'];

/** The changes the form holds, or what is wrong with them (in Vietnamese). */
export function reportTypeChanges(
  t: Pick<ReportType, 'name' | 'period' | 'dueDay' | 'deadline' | 'active'>,
  form: { name: string; dueDay: string; deadline: string; active: boolean },
): { changes: Schemas['ReportTypeChanges'] } | { problem: string } {
  const changes: Schemas['ReportTypeChanges'] = {};
  if (!form.name.trim()) return { problem: 'Tên loại báo cáo không được để trống.' };
  if (form.name.trim() !== t.name) changes.name = form.name.trim();
  if (t.period === 'ad-hoc') {
    const day = parseDayInput(form.deadline);
    if (!day) return { problem: 'Hạn nộp phải là một ngày dạng ngày/tháng/năm.' };
    const deadline = `${day}T23:59:59+07:00`;
    if (!t.deadline || Date.parse(deadline) !== Date.parse(t.deadline)) changes.deadline = deadline;
  } else {
    const n = Number(form.dueDay);
    if (!/^\d+$/.test(form.dueDay.trim()) || n < 1 || n > 28) return { problem: 'Ngày hạn nộp phải là một số từ 1 đến 28.' };
    if (n !== t.dueDay) changes.dueDay = n;
  }
  if (form.active !== t.active) changes.active = form.active;
  return { changes };
}

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
