/**
 * Vào sổ văn bản đến by hand: the letter's particulars; the API checks them and takes the next
 * số đến. Its 4xx answers are shown in Vietnamese beside the fields they are about.
 */
import { useEffect, useRef, useState } from 'react';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Textarea from '@cloudscape-design/components/textarea';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Button from '@cloudscape-design/components/button';
import Alert from '@cloudscape-design/components/alert';
import ContentLayout from '@cloudscape-design/components/content-layout';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import type { IncomingEntryCreate } from '../api/client';
import { useSession } from '../session';
import { follow, navigate } from '../router';
import { parseDayInput } from '../format';
import { FIELD_LABELS, SECRECY_LABELS, URGENCY_LABELS, type Secrecy, type Urgency } from '../labels';
import { showError, type ShownError } from '../errors';

const SECRECY_OPTIONS: SelectProps.Option[] = [{ value: '', label: 'Không mật' }, ...Object.entries(SECRECY_LABELS).map(([value, label]) => ({ value, label }))];
const URGENCY_OPTIONS: SelectProps.Option[] = [{ value: '', label: 'Thường' }, ...Object.entries(URGENCY_LABELS).map(([value, label]) => ({ value, label }))];
const TYPE_OPTIONS: SelectProps.Option[] = __DOCUMENT_TYPES__.map((t) => ({ value: t.code, label: `${t.name} (${t.code})` }));

/** What the person typed, as text. */
interface Draft {
  numberSymbol: string;
  documentDate: string;
  issuer: string;
  typeCode: string;
  subject: string;
  secrecy: string;
  urgency: string;
  handler: string;
  dueDate: string;
  note: string;
}

const EMPTY: Draft = { numberSymbol: '', documentDate: '', issuer: '', typeCode: '', subject: '', secrecy: '', urgency: '', handler: '', dueDate: '', note: '' };

/** A typed day (dd/mm/yyyy) as the API's YYYY-MM-DD; anything else is sent as typed, and the API says what is wrong with it. */
const day = (text: string) => parseDayInput(text) ?? text.trim();

export function toCreateBody(d: Draft): IncomingEntryCreate {
  return {
    numberSymbol: d.numberSymbol,
    documentDate: day(d.documentDate),
    issuer: d.issuer,
    typeCode: d.typeCode,
    subject: d.subject,
    secrecy: (d.secrecy || null) as Secrecy | null,
    urgency: (d.urgency || null) as Urgency | null,
    ...(d.handler.trim() ? { handler: d.handler } : {}),
    ...(d.dueDate.trim() ? { dueDate: day(d.dueDate) } : {}),
    ...(d.note.trim() ? { note: d.note } : {}),
  };
}

export function IncomingNew() {
  const { api } = useSession();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problem, setProblem] = useState<ShownError | null>(null);
  const [saving, setSaving] = useState(false);
  // One key per letter: a second click or a retry after a lost answer registers nothing new.
  const idempotencyKey = useRef(crypto.randomUUID());
  // After a refusal the focus goes to the first field the API found wrong (keyboard and screen-reader users land on it).
  const fieldRefs = useRef<Partial<Record<keyof Draft, { focus(): void } | null>>>({});
  const focusable = (k: keyof Draft) => (r: { focus(): void } | null) => void (fieldRefs.current[k] = r);
  useEffect(() => {
    const first = (Object.keys(EMPTY) as (keyof Draft)[]).find((k) => problem?.fields[k]);
    if (first) fieldRefs.current[first]?.focus();
  }, [problem]);
  const set = (k: keyof Draft) => (e: { detail: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.detail.value }));
  const err = (k: keyof Draft) => problem?.fields[k];

  const submit = async () => {
    setSaving(true);
    setProblem(null);
    try {
      const r = await api.POST('/v1/registers/incoming/entries', { body: toCreateBody(draft), headers: { 'Idempotency-Key': idempotencyKey.current } });
      if (r.data) {
        navigate(`/van-ban-den/${r.data.id}?moi=1`);
        return;
      }
      // A refused request created nothing: the corrected letter is a new request.
      idempotencyKey.current = crypto.randomUUID();
      setProblem(showError(r.response.status, r.error));
    } catch {
      setProblem({ summary: 'Không kết nối được với máy chủ; hãy thử lại.', fields: {}, other: [] });
    } finally {
      setSaving(false);
    }
  };

  const dayHint = 'ngày/tháng/năm, ví dụ 05/12/2026';
  return (
    <ContentLayout
      header={
        <SpaceBetween size="xs">
          <BreadcrumbGroup items={[{ text: 'Văn bản đến', href: '/van-ban-den' }, { text: 'Vào sổ văn bản', href: '/van-ban-den/vao-so' }]} onFollow={follow} ariaLabel="Đường dẫn" />
          <Header variant="h1" description="Nhập thông tin in trên văn bản nhận được; hệ thống cấp số đến tiếp theo của năm.">
            Vào sổ văn bản đến
          </Header>
        </SpaceBetween>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Form
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" href="/van-ban-den" onFollow={follow}>
                Hủy
              </Button>
              <Button variant="primary" loading={saving} loadingText="Đang vào sổ">
                Vào sổ
              </Button>
            </SpaceBetween>
          }
          errorText={problem ? [problem.summary, ...problem.other].join(' ') : undefined}
          errorIconAriaLabel="Lỗi"
        >
          <SpaceBetween size="l">
            <Container header={<Header variant="h2">Thông tin văn bản</Header>}>
              <SpaceBetween size="m">
                <ColumnLayout columns={2}>
                  <FormField label={FIELD_LABELS.numberSymbol} description="Như in trên văn bản, ví dụ 10-NQ/TU" errorText={err('numberSymbol')}>
                    <Input ref={focusable('numberSymbol')} value={draft.numberSymbol} onChange={set('numberSymbol')} />
                  </FormField>
                  <FormField label={FIELD_LABELS.documentDate} constraintText={dayHint} errorText={err('documentDate')}>
                    <Input ref={focusable('documentDate')} value={draft.documentDate} onChange={set('documentDate')} placeholder="dd/mm/yyyy" />
                  </FormField>
                  <FormField label={FIELD_LABELS.issuer} errorText={err('issuer')}>
                    <Input ref={focusable('issuer')} value={draft.issuer} onChange={set('issuer')} />
                  </FormField>
                  <FormField label={FIELD_LABELS.typeCode} errorText={err('typeCode')}>
                    <Select
                      ref={focusable('typeCode')}
                      selectedOption={TYPE_OPTIONS.find((o) => o.value === draft.typeCode) ?? null}
                      options={TYPE_OPTIONS}
                      placeholder="Chọn loại văn bản"
                      filteringType="auto"
                      filteringPlaceholder="Tìm loại văn bản"
                      empty="Không có loại văn bản này"
                      onChange={(e) => setDraft((d) => ({ ...d, typeCode: e.detail.selectedOption.value ?? '' }))}
                    />
                  </FormField>
                </ColumnLayout>
                <FormField label={FIELD_LABELS.subject} stretch errorText={err('subject')}>
                  <Textarea ref={focusable('subject')} value={draft.subject} onChange={set('subject')} rows={3} />
                </FormField>
                <ColumnLayout columns={2}>
                  <FormField label={FIELD_LABELS.secrecy} errorText={err('secrecy')}>
                    <Select ref={focusable('secrecy')} selectedOption={SECRECY_OPTIONS.find((o) => o.value === draft.secrecy)!} options={SECRECY_OPTIONS} onChange={(e) => setDraft((d) => ({ ...d, secrecy: e.detail.selectedOption.value ?? '' }))} />
                  </FormField>
                  <FormField label={FIELD_LABELS.urgency} errorText={err('urgency')}>
                    <Select ref={focusable('urgency')} selectedOption={URGENCY_OPTIONS.find((o) => o.value === draft.urgency)!} options={URGENCY_OPTIONS} onChange={(e) => setDraft((d) => ({ ...d, urgency: e.detail.selectedOption.value ?? '' }))} />
                  </FormField>
                </ColumnLayout>
              </SpaceBetween>
            </Container>
            <Container header={<Header variant="h2" description="Không bắt buộc">Xử lý</Header>}>
              <SpaceBetween size="m">
                <ColumnLayout columns={2}>
                  <FormField label={FIELD_LABELS.handler} description="Tên đăng nhập của người được giao; giao ngay khi vào sổ" errorText={err('handler')}>
                    <Input ref={focusable('handler')} value={draft.handler} onChange={set('handler')} />
                  </FormField>
                  <FormField label={FIELD_LABELS.dueDate} description="Để trống: tính theo độ khẩn" constraintText={dayHint} errorText={err('dueDate')}>
                    <Input ref={focusable('dueDate')} value={draft.dueDate} onChange={set('dueDate')} placeholder="dd/mm/yyyy" />
                  </FormField>
                </ColumnLayout>
                <FormField label={FIELD_LABELS.note} stretch errorText={err('note')}>
                  <Textarea ref={focusable('note')} value={draft.note} onChange={set('note')} rows={2} />
                </FormField>
              </SpaceBetween>
            </Container>
            {problem && problem.other.length > 0 && <Alert type="error">{problem.other.join('; ')}</Alert>}
          </SpaceBetween>
        </Form>
      </form>
    </ContentLayout>
  );
}
