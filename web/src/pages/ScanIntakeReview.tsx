/**
 * One read scan: its page beside the fields OCR proposes, each coloured by how sure the reader
 * is (its reason in Vietnamese when unsure or empty), the focused field's place outlined on the
 * page; the clerk corrects and registers in one step (POST /v1/scans/{id}/register with only the
 * corrected fields). Unsure secrecy must be chosen: the API refuses to guess "not secret".
 */
import { useRef, useState } from 'react';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Grid from '@cloudscape-design/components/grid';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Textarea from '@cloudscape-design/components/textarea';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Button from '@cloudscape-design/components/button';
import Alert from '@cloudscape-design/components/alert';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import type { IncomingEntry } from '../api/client';
import { useSession } from '../session';
import { follow } from '../router';
import { formatDate, parseDayInput } from '../format';
import { SECRECY_LABELS, URGENCY_LABELS } from '../labels';
import { showError, type ShownError } from '../errors';
import { fieldTone, fieldText, reasonInVietnamese, registerBody, REVIEW_FIELDS, secrecyUnsure, SYSTEM_LABELS, TONE_COLOUR, TONE_TEXT, type ReviewField, type Scan } from '../scan-fields';
import { ScanIntakeImage, type Highlight } from './ScanIntakeImage';
import { ScanSignatures } from './ScanIntakeSignatures';

const SECRECY_OPTIONS: SelectProps.Option[] = [{ value: '', label: 'Không mật' }, ...Object.entries(SECRECY_LABELS).map(([value, label]) => ({ value, label }))];
const URGENCY_OPTIONS: SelectProps.Option[] = [{ value: '', label: 'Thường' }, ...Object.entries(URGENCY_LABELS).map(([value, label]) => ({ value, label }))];
const TYPE_OPTIONS: SelectProps.Option[] = __DOCUMENT_TYPES__.map((t) => ({ value: t.code, label: `${t.name} (${t.code})` }));

/** The form's starting text: what OCR read (the day as dd/mm/yyyy); unsure secrecy starts unchosen. */
function initial(scan: Scan): Record<ReviewField, string | undefined> {
  const out = {} as Record<ReviewField, string | undefined>;
  for (const [k] of REVIEW_FIELDS) out[k] = k === 'documentDate' && fieldText(scan.fields[k]) ? formatDate(fieldText(scan.fields[k])) : fieldText(scan.fields[k]);
  if (secrecyUnsure(scan.fields)) out.secrecy = undefined;
  return out;
}

export function ScanIntakeReview({ scan, file, onRegistered }: { scan: Scan; file: File | null; onRegistered(entry: IncomingEntry): void }) {
  const { api } = useSession();
  const [typed, setTyped] = useState(() => initial(scan));
  const [focused, setFocused] = useState<ReviewField | null>(null);
  const [problem, setProblem] = useState<ShownError | null>(null);
  const [saving, setSaving] = useState(false);
  const idempotencyKey = useRef(crypto.randomUUID());
  const unsure = secrecyUnsure(scan.fields);
  const system = scan.fields['system'];
  const label = (k: ReviewField) => REVIEW_FIELDS.find(([f]) => f === k)![1];

  const highlightOf = (k: ReviewField | null): Highlight | null => {
    const f = k ? scan.fields[k] : undefined;
    if (!k || !f?.bbox || !f.page) return null;
    return { label: label(k), page: f.page, bbox: f.bbox, tone: fieldTone(k, f) };
  };

  const register = async () => {
    setProblem(null);
    if (unsure && typed.secrecy === undefined) {
      setProblem({ summary: 'Hãy chọn độ mật trước khi vào sổ.', fields: { secrecy: 'Không đọc rõ dấu mật trên văn bản: văn thư phải chọn (chọn “Không mật” nếu văn bản không mật).' }, other: [] });
      return;
    }
    setSaving(true);
    try {
      const body = registerBody(scan.fields, typed, parseDayInput);
      const r = await api.POST('/v1/scans/{scanId}/register', { params: { path: { scanId: scan.scanId } }, body, headers: { 'Idempotency-Key': idempotencyKey.current } });
      if (r.data) return onRegistered(r.data);
      idempotencyKey.current = crypto.randomUUID();
      const shown = showError(r.response.status, r.error);
      if (r.error?.error?.code === 'METADATA_ONLY') shown.summary = 'Văn bản Tối mật, Tuyệt mật không được lưu bản quét: tệp đã được chuyển khỏi kho, hãy vào sổ bằng tay chỉ với các thông tin chung.';
      setProblem(shown);
    } catch {
      setProblem({ summary: 'Không kết nối được với máy chủ; hãy thử lại.', fields: {}, other: [] });
    } finally {
      setSaving(false);
    }
  };

  const field = (k: ReviewField) => {
    const f = scan.fields[k];
    const tone = fieldTone(k, f);
    const percent = f ? `${Math.round(f.confidence * 100)}%` : '—';
    const reason = reasonInVietnamese(f?.reason);
    const props = { onFocus: () => setFocused(k), ariaLabel: label(k) };
    const set = (v: string) => (setTyped((t) => ({ ...t, [k]: v })), setProblem((p) => (p?.fields[k] ? { ...p, fields: Object.fromEntries(Object.entries(p.fields).filter(([f]) => f !== k)) } : p)));
    let control;
    if (k === 'secrecy' || k === 'urgency') {
      const options = k === 'secrecy' ? SECRECY_OPTIONS : URGENCY_OPTIONS;
      control = <Select {...props} selectedOption={options.find((o) => o.value === typed[k]) ?? null} placeholder={k === 'secrecy' ? 'Chọn độ mật' : 'Chọn độ khẩn'} options={options} onChange={(e) => set(e.detail.selectedOption.value ?? '')} />;
    } else if (k === 'typeCode') {
      control = <Select {...props} selectedOption={TYPE_OPTIONS.find((o) => o.value === typed[k]) ?? null} placeholder="Chọn loại văn bản" options={TYPE_OPTIONS} filteringType="auto" onChange={(e) => set(e.detail.selectedOption.value ?? '')} />;
    } else if (k === 'subject') {
      control = <Textarea {...props} value={typed[k] ?? ''} rows={3} onChange={(e) => set(e.detail.value)} />;
    } else {
      control = <Input {...props} value={typed[k] ?? ''} placeholder={k === 'documentDate' ? 'dd/mm/yyyy' : undefined} onChange={(e) => set(e.detail.value)} />;
    }
    return (
      <div key={k} data-field={k} data-tone={tone} style={{ borderLeft: `5px solid ${TONE_COLOUR[tone]}`, paddingLeft: 10, background: focused === k ? '#f2f8fd' : undefined }}>
        <FormField
          label={label(k)}
          stretch
          description={
            <span style={{ color: TONE_COLOUR[tone], fontWeight: 600 }}>
              {TONE_TEXT[tone]} ({percent})
            </span>
          }
          constraintText={reason}
          errorText={problem?.fields[k]}
        >
          {control}
        </FormField>
      </div>
    );
  };

  return (
    <Container
      header={
        <Header
          variant="h2"
          description={`${scan.pages ?? 1} trang · ${scan.lowConfidence.length ? `${scan.lowConfidence.length} ô cần kiểm tra` : 'các ô đều đọc rõ'}`}
          info={system?.value ? <Badge color={system.value === 'party' ? 'red' : 'blue'}>{SYSTEM_LABELS[String(system.value)] ?? String(system.value)}</Badge> : <Badge color="grey">Chưa rõ Đảng hay Nhà nước</Badge>}
        >
          {scan.fileName}
        </Header>
      }
    >
      <Grid gridDefinition={[{ colspan: { default: 12, xs: 6 } }, { colspan: { default: 12, xs: 6 } }]}>
        {file ? <ScanIntakeImage file={file} pages={scan.pages ?? 1} highlight={highlightOf(focused)} fileLabel={scan.fileName} /> : <Box color="text-status-inactive">Chưa có ảnh trang để đối chiếu.</Box>}
        <form
          aria-label={`Thông tin đọc được từ ${scan.fileName}`}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void register();
          }}
        >
          <SpaceBetween size="m">
            <ScanSignatures signatures={scan.signatures} />
            {unsure && (
              <Alert type="warning" header="Cần chọn độ mật">
                {reasonInVietnamese(scan.fields['secrecy']?.reason)}
              </Alert>
            )}
            {REVIEW_FIELDS.map(([k]) => field(k))}
            {problem && (
              <Alert type="error" header="Chưa vào sổ được">
                {[problem.summary, ...problem.other].join(' ')}
              </Alert>
            )}
            <Box float="right">
              <Button variant="primary" formAction="submit" loading={saving} loadingText="Đang vào sổ">
                Vào sổ
              </Button>
            </Box>
          </SpaceBetween>
        </form>
      </Grid>
    </Container>
  );
}

export function RegisteredNote({ entry, fileName }: { entry: IncomingEntry; fileName: string }) {
  return (
    <Alert type="success" header={`${fileName}: đã vào sổ văn bản đến, số đến ${entry.arrivalNumber}/${entry.arrivalYear}.`}>
      <Link href={`/van-ban-den/${entry.id}`} onFollow={follow}>
        Xem văn bản {entry.numberSymbol}
      </Link>
    </Alert>
  );
}
