/**
 * Trình dự thảo: a drafting department submits a draft with its dossier (hồ sơ trình). The API
 * checks it (400 per field, in Vietnamese here) and starts the workflow; the console remembers the
 * new draft's id in this browser for the department's list and opens the draft.
 */
import { useMemo, useState } from 'react';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Textarea from '@cloudscape-design/components/textarea';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Container from '@cloudscape-design/components/container';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Button from '@cloudscape-design/components/button';
import { useSession } from '../session';
import { follow, navigate } from '../router';
import { SECRECY_LABELS, URGENCY_LABELS, type Secrecy, type Urgency } from '../labels';
import { DOSSIER_KINDS, draftError, linesToList, type DraftError } from '../drafts';

interface DossierRow {
  kind: string;
  name: string;
}

const NONE = { value: '', label: 'Không' };
const SECRECY_OPTIONS: SelectProps.Option[] = [{ value: '', label: 'Không mật' }, ...Object.entries(SECRECY_LABELS).map(([value, label]) => ({ value, label }))];
const URGENCY_OPTIONS: SelectProps.Option[] = [{ value: '', label: 'Thường' }, ...Object.entries(URGENCY_LABELS).map(([value, label]) => ({ value, label }))];
const KIND_OPTIONS: SelectProps.Option[] = DOSSIER_KINDS.map((k) => ({ value: k.id, label: k.name }));

export function DraftNew() {
  const { api } = useSession();
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const [typeCode, setTypeCode] = useState('');
  const [issuerCode, setIssuerCode] = useState('TU');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [recipients, setRecipients] = useState('');
  const [secrecy, setSecrecy] = useState('');
  const [urgency, setUrgency] = useState('');
  const [dossier, setDossier] = useState<DossierRow[]>([{ kind: 'to-trinh', name: '' }]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DraftError | null>(null);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const r = await api.POST('/v1/drafts', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body: {
          typeCode: typeCode.trim(),
          issuerCode: issuerCode.trim(),
          subject,
          body,
          recipients: linesToList(recipients),
          secrecy: (secrecy || null) as Secrecy | null,
          urgency: (urgency || null) as Urgency | null,
          dossier: dossier.filter((d) => d.kind).map((d) => (d.name.trim() ? { kind: d.kind, name: d.name.trim() } : { kind: d.kind })),
        },
      });
      if (r.data) {
        navigate(`/du-thao/${r.data.id}`);
        return;
      }
      setError(draftError(r.response.status, r.error));
    } catch {
      setError({ summary: 'Không kết nối được với máy chủ; hãy thử lại.', fields: {}, other: [] });
    } finally {
      setBusy(false);
    }
  }

  const f = error?.fields ?? {};
  return (
    <ContentLayout header={<Header variant="h1" description="Dự thảo văn bản kèm hồ sơ trình, gửi Văn phòng thẩm định">Trình dự thảo mới</Header>}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Form
          errorText={error ? [error.summary, ...error.other].join(' ') : undefined}
          errorIconAriaLabel="Lỗi"
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" href="/du-thao" onFollow={follow}>
                Hủy
              </Button>
              <Button variant="primary" loading={busy}>
                Trình dự thảo
              </Button>
            </SpaceBetween>
          }
        >
          <SpaceBetween size="l">
            <Container header={<Header variant="h2">Thông tin dự thảo</Header>}>
              <SpaceBetween size="m">
                <ColumnLayout columns={4}>
                  <FormField label="Loại văn bản" description="Mã loại: NQ, CT, QĐ, KL, TB, BC…" errorText={f.typeCode}>
                    <Input value={typeCode} onChange={(e) => setTypeCode(e.detail.value)} />
                  </FormField>
                  <FormField label="Cơ quan ban hành" description="Mã in sau dấu “/”, ví dụ TU" errorText={f.issuerCode}>
                    <Input value={issuerCode} onChange={(e) => setIssuerCode(e.detail.value)} />
                  </FormField>
                  <FormField label="Độ mật" errorText={f.secrecy}>
                    <Select selectedOption={SECRECY_OPTIONS.find((o) => o.value === secrecy) ?? NONE} onChange={(e) => setSecrecy(e.detail.selectedOption.value ?? '')} options={SECRECY_OPTIONS} />
                  </FormField>
                  <FormField label="Độ khẩn" errorText={f.urgency}>
                    <Select selectedOption={URGENCY_OPTIONS.find((o) => o.value === urgency) ?? NONE} onChange={(e) => setUrgency(e.detail.selectedOption.value ?? '')} options={URGENCY_OPTIONS} />
                  </FormField>
                </ColumnLayout>
                <FormField label="Trích yếu" errorText={f.subject} stretch>
                  <Input value={subject} onChange={(e) => setSubject(e.detail.value)} />
                </FormField>
                <FormField label="Nội dung dự thảo" description="Toàn văn, gồm phần đầu, phần ký và “Nơi nhận:”" errorText={f.body} stretch>
                  <Textarea value={body} onChange={(e) => setBody(e.detail.value)} rows={16} spellcheck={false} />
                </FormField>
                <FormField label="Nơi nhận" description="Mỗi dòng một nơi nhận" errorText={f.recipients} stretch>
                  <Textarea value={recipients} onChange={(e) => setRecipients(e.detail.value)} rows={3} />
                </FormField>
              </SpaceBetween>
            </Container>
            <Container header={<Header variant="h2" description="Tờ trình, dự thảo, báo cáo tiếp thu… kèm theo">Hồ sơ trình</Header>}>
              <FormField errorText={f.dossier} stretch>
                <AttributeEditor<DossierRow>
                  items={dossier}
                  addButtonText="Thêm tài liệu"
                  removeButtonText="Bỏ"
                  empty="Chưa có tài liệu nào trong hồ sơ."
                  onAddButtonClick={() => setDossier((d) => [...d, { kind: 'du-thao', name: '' }])}
                  onRemoveButtonClick={(e) => setDossier((d) => d.filter((_, i) => i !== e.detail.itemIndex))}
                  definition={[
                    {
                      label: 'Loại tài liệu',
                      control: (item, i) => (
                        <Select
                          selectedOption={KIND_OPTIONS.find((o) => o.value === item.kind) ?? null}
                          onChange={(e) => setDossier((d) => d.map((x, j) => (j === i ? { ...x, kind: e.detail.selectedOption.value ?? '' } : x)))}
                          options={KIND_OPTIONS}
                          ariaLabel={`Loại tài liệu ${i + 1}`}
                        />
                      ),
                    },
                    {
                      label: 'Tên, số hiệu tài liệu',
                      control: (item, i) => <Input value={item.name} onChange={(e) => setDossier((d) => d.map((x, j) => (j === i ? { ...x, name: e.detail.value } : x)))} ariaLabel={`Tên tài liệu ${i + 1}`} />,
                    },
                  ]}
                />
              </FormField>
            </Container>
          </SpaceBetween>
        </Form>
      </form>
    </ContentLayout>
  );
}
