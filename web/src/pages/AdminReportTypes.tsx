/** Loại báo cáo: the report types (GET /v1/report-types), one edited (AdminReportTypeEdit) and a new one (POST /v1/report-types). */
import { useEffect, useState } from 'react';
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
import type { Schemas } from '../api/client';
import { useSession } from '../session';
import { formatDateTime, parseDayInput } from '../format';
import { adminRefusal } from '../admin';
import { PERIOD_KIND_TEXT, type PeriodKind } from '../reports';
import { EditReportType } from './AdminReportTypeEdit';

type ReportType = Schemas['ReportType'];
const KINDS = Object.keys(PERIOD_KIND_TEXT) as PeriodKind[];

export function AdminReportTypes() {
  const { api } = useSession();
  const [types, setTypes] = useState<ReportType[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [period, setPeriod] = useState<PeriodKind>('monthly');
  const [dueDay, setDueDay] = useState('5');
  const [deadline, setDeadline] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<ReportType | null>(null);
  useEffect(() => {
    api.GET('/v1/report-types').then((r) => (r.data ? setTypes(r.data.items) : setError(adminRefusal(r.response.status, r.error))), () => setError('Không kết nối được máy chủ.'));
  }, [api]);
  const submit = async () => {
    setFormError(null);
    let extra: Partial<Schemas['NewReportType']>;
    if (period === 'ad-hoc') {
      const day = parseDayInput(deadline);
      if (!day) return setFormError('Hạn nộp phải là một ngày dạng ngày/tháng/năm.');
      extra = { deadline: `${day}T23:59:59+07:00` };
    } else {
      const n = Number(dueDay);
      if (!Number.isInteger(n) || n < 1 || n > 28) return setFormError('Ngày hạn nộp phải là một số từ 1 đến 28.');
      extra = { dueDay: n };
    }
    setBusy(true);
    const r = await api.POST('/v1/report-types', { body: { code: code.trim(), name: name.trim(), period, ...extra } }).catch(() => null);
    setBusy(false);
    if (!r) return setFormError('Không kết nối được máy chủ.');
    if (!r.data) return setFormError(adminRefusal(r.response.status, r.error));
    setTypes((t) => [...(t ?? []), r.data]);
    setCode('');
    setName('');
  };
  return (
    <SpaceBetween size="l">
      {error && <Alert type="error">{error}</Alert>}
      <Table
        ariaLabels={{ tableLabel: 'Loại báo cáo', itemSelectionLabel: (_s, t) => `Chọn ${t.name}`, selectionGroupLabel: 'Chọn loại báo cáo' }}
        trackBy="code"
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems[0] ?? null)}
        header={<Header variant="h2" counter={types ? `(${types.length})` : undefined}>Loại báo cáo</Header>}
        loading={!types && !error}
        loadingText="Đang tải…"
        items={types ?? []}
        empty={<Box textAlign="center">Chưa có loại báo cáo nào.</Box>}
        columnDefinitions={[
          { id: 'code', header: 'Mã', cell: (t) => t.code },
          { id: 'name', header: 'Tên', cell: (t) => t.name },
          { id: 'p', header: 'Kỳ', cell: (t) => PERIOD_KIND_TEXT[t.period] },
          { id: 'due', header: 'Hạn nộp', cell: (t) => (t.period === 'ad-hoc' ? formatDateTime(t.deadline) : `Ngày ${t.dueDay ?? '—'} của tháng sau kỳ`) },
          { id: 'orgs', header: 'Tổ chức phải nộp', cell: (t) => (t.orgIds?.length ? `${t.orgIds.length} tổ chức` : 'Tất cả') },
          { id: 'a', header: 'Trạng thái', cell: (t) => (t.active ? 'Đang áp dụng' : 'Ngừng áp dụng') },
        ]}
      />
      {selected ? (
        <EditReportType key={selected.code} type={selected} onSaved={(t) => (setTypes((all) => (all ?? []).map((x) => (x.code === t.code ? t : x))), setSelected(t))} />
      ) : (
        <Box color="text-status-inactive">Chọn một loại báo cáo để sửa.</Box>
      )}
      <Container header={<Header variant="h2">Thêm loại báo cáo</Header>}>
        <Form errorText={formError ?? undefined} actions={<Button variant="primary" loading={busy} disabled={!code.trim() || !name.trim()} onClick={() => void submit()}>Thêm loại báo cáo</Button>}>
          <ColumnLayout columns={2}>
            <FormField label="Mã loại báo cáo"><Input value={code} onChange={(e) => setCode(e.detail.value)} /></FormField>
            <FormField label="Tên loại báo cáo"><Input value={name} onChange={(e) => setName(e.detail.value)} /></FormField>
            <FormField label="Kỳ báo cáo">
              <Select selectedOption={{ value: period, label: PERIOD_KIND_TEXT[period] }} options={KINDS.map((k) => ({ value: k, label: PERIOD_KIND_TEXT[k] }))} onChange={(e) => setPeriod(e.detail.selectedOption.value as PeriodKind)} />
            </FormField>
            {period === 'ad-hoc' ? (
              <FormField label="Hạn nộp (ngày/tháng/năm)"><Input value={deadline} placeholder="dd/mm/yyyy" onChange={(e) => setDeadline(e.detail.value)} /></FormField>
            ) : (
              <FormField label="Ngày hạn nộp trong tháng sau kỳ"><Input type="number" value={dueDay} onChange={(e) => setDueDay(e.detail.value)} /></FormField>
            )}
          </ColumnLayout>
        </Form>
      </Container>
    </SpaceBetween>
  );
}
