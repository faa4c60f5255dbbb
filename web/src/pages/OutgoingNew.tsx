/**
 * Cấp số văn bản đi by hand: the document's particulars (OutgoingEntryCreate); the API takes the
 * next number of the body's numbering scope and answers with the số, ký hiệu it makes.
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
import ContentLayout from '@cloudscape-design/components/content-layout';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import { useSession } from '../session';
import { follow, navigate } from '../router';
import { SECRECY_LABELS, URGENCY_LABELS } from '../labels';
import type { ShownError } from '../errors';
import { EMPTY_OUTGOING, OUTGOING_ISSUERS, OUTGOING_LABELS as L, outgoingError, toOutgoingBody, type OutgoingDraft } from '../outgoing';

const SECRECY_OPTIONS: SelectProps.Option[] = [{ value: '', label: 'Không mật' }, ...Object.entries(SECRECY_LABELS).map(([value, label]) => ({ value, label }))];
const URGENCY_OPTIONS: SelectProps.Option[] = [{ value: '', label: 'Thường' }, ...Object.entries(URGENCY_LABELS).map(([value, label]) => ({ value, label }))];
const TYPE_OPTIONS: SelectProps.Option[] = __DOCUMENT_TYPES__.map((t) => ({ value: t.code, label: `${t.name} (${t.code})` }));
const ISSUER_OPTIONS: SelectProps.Option[] = OUTGOING_ISSUERS.map((i) => ({ value: i.id, label: `${i.name} (${i.code})` }));

export function OutgoingNew() {
  const { api } = useSession();
  const [draft, setDraft] = useState<OutgoingDraft>(EMPTY_OUTGOING);
  const [problem, setProblem] = useState<ShownError | null>(null);
  const [saving, setSaving] = useState(false);
  const idempotencyKey = useRef(crypto.randomUUID());
  const refs = useRef<Partial<Record<keyof OutgoingDraft, { focus(): void } | null>>>({});
  const focusable = (k: keyof OutgoingDraft) => (r: { focus(): void } | null) => void (refs.current[k] = r);
  useEffect(() => {
    const first = (Object.keys(EMPTY_OUTGOING) as (keyof OutgoingDraft)[]).find((k) => problem?.fields[k]);
    if (first) refs.current[first]?.focus();
  }, [problem]);
  // A field the clerk changes loses its refusal (the API judges it again on the next send).
  const edited = (k: keyof OutgoingDraft) => setProblem((p) => (p?.fields[k] ? { ...p, fields: Object.fromEntries(Object.entries(p.fields).filter(([f]) => f !== k)) } : p));
  const set = (k: keyof OutgoingDraft) => (e: { detail: { value: string } }) => (setDraft((d) => ({ ...d, [k]: e.detail.value })), edited(k));
  const choose = (k: keyof OutgoingDraft) => (e: { detail: { selectedOption: SelectProps.Option } }) => (setDraft((d) => ({ ...d, [k]: e.detail.selectedOption.value ?? '' })), edited(k));
  const err = (k: keyof OutgoingDraft) => problem?.fields[k];

  const submit = async () => {
    setSaving(true);
    setProblem(null);
    try {
      const r = await api.POST('/v1/registers/outgoing/entries', { body: toOutgoingBody(draft), headers: { 'Idempotency-Key': idempotencyKey.current } });
      if (r.data) return navigate(`/van-ban-di/${r.data.id}?moi=1`);
      idempotencyKey.current = crypto.randomUUID();
      setProblem(outgoingError(r.response.status, r.error));
    } catch {
      setProblem({ summary: 'Không kết nối được với máy chủ; hãy thử lại.', fields: {}, other: [] });
    } finally {
      setSaving(false);
    }
  };

  const dayHint = 'ngày/tháng/năm; để trống: hôm nay';
  return (
    <ContentLayout
      header={
        <SpaceBetween size="xs">
          <BreadcrumbGroup items={[{ text: 'Văn bản đi', href: '/van-ban-di' }, { text: 'Cấp số', href: '/van-ban-di/cap-so' }]} onFollow={follow} ariaLabel="Đường dẫn" />
          <Header variant="h1" description="Hệ thống cấp số tiếp theo trong sổ của cơ quan ban hành (theo nhiệm kỳ hoặc theo năm) và ghi vào sổ văn bản đi.">
            Cấp số văn bản đi
          </Header>
        </SpaceBetween>
      }
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Form
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" href="/van-ban-di" onFollow={follow}>
                Hủy
              </Button>
              <Button variant="primary" loading={saving} loadingText="Đang cấp số">
                Cấp số
              </Button>
            </SpaceBetween>
          }
          errorText={problem ? [problem.summary, ...problem.other].join(' ') : undefined}
          errorIconAriaLabel="Lỗi"
        >
          <Container header={<Header variant="h2">Thông tin văn bản</Header>}>
            <SpaceBetween size="m">
              <ColumnLayout columns={2}>
                <FormField label={L.issuerCode} errorText={err('issuerId')}>
                  <Select ref={focusable('issuerId')} selectedOption={ISSUER_OPTIONS.find((o) => o.value === draft.issuerId) ?? null} options={ISSUER_OPTIONS} placeholder="Chọn cơ quan ban hành" filteringType="auto" onChange={choose('issuerId')} />
                </FormField>
                <FormField label={L.typeCode} errorText={err('typeCode')}>
                  <Select ref={focusable('typeCode')} selectedOption={TYPE_OPTIONS.find((o) => o.value === draft.typeCode) ?? null} options={TYPE_OPTIONS} placeholder="Chọn loại văn bản" filteringType="auto" onChange={choose('typeCode')} />
                </FormField>
                <FormField label={L.documentDate} constraintText={dayHint} errorText={err('documentDate')}>
                  <Input ref={focusable('documentDate')} value={draft.documentDate} onChange={set('documentDate')} placeholder="dd/mm/yyyy" />
                </FormField>
                <FormField label={L.signer} errorText={err('signer')}>
                  <Input ref={focusable('signer')} value={draft.signer} onChange={set('signer')} />
                </FormField>
              </ColumnLayout>
              <FormField label={L.subject} stretch errorText={err('subject')}>
                <Textarea ref={focusable('subject')} value={draft.subject} onChange={set('subject')} rows={3} />
              </FormField>
              <FormField label={L.recipients} description="Mỗi dòng một nơi nhận" stretch errorText={err('recipients')}>
                <Textarea ref={focusable('recipients')} value={draft.recipients} onChange={set('recipients')} rows={3} />
              </FormField>
              <ColumnLayout columns={4}>
                <FormField label={L.secrecy} errorText={err('secrecy')}>
                  <Select ref={focusable('secrecy')} selectedOption={SECRECY_OPTIONS.find((o) => o.value === draft.secrecy)!} options={SECRECY_OPTIONS} onChange={choose('secrecy')} />
                </FormField>
                <FormField label={L.urgency} errorText={err('urgency')}>
                  <Select ref={focusable('urgency')} selectedOption={URGENCY_OPTIONS.find((o) => o.value === draft.urgency)!} options={URGENCY_OPTIONS} onChange={choose('urgency')} />
                </FormField>
                <FormField label={L.copies} errorText={err('copies')}>
                  <Input ref={focusable('copies')} value={draft.copies} onChange={set('copies')} inputMode="numeric" />
                </FormField>
                <FormField label={L.filing} errorText={err('filing')}>
                  <Input ref={focusable('filing')} value={draft.filing} onChange={set('filing')} />
                </FormField>
              </ColumnLayout>
              <FormField label={L.note} stretch errorText={err('note')}>
                <Textarea ref={focusable('note')} value={draft.note} onChange={set('note')} rows={2} />
              </FormField>
            </SpaceBetween>
          </Container>
        </Form>
      </form>
    </ContentLayout>
  );
}
