/**
 * Phiếu giải quyết văn bản đến on a letter's page: the leader's instruction (ý kiến chỉ đạo), who
 * leads (chủ trì) and who co-operates (phối hợp), once given; before that, for lãnh đạo văn phòng
 * and thường trực, the form that gives it.
 */
import { useState } from 'react';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import FormField from '@cloudscape-design/components/form-field';
import Textarea from '@cloudscape-design/components/textarea';
import Input from '@cloudscape-design/components/input';
import DatePicker from '@cloudscape-design/components/date-picker';
import Button from '@cloudscape-design/components/button';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import type { IncomingEntry } from '../api/client';
import { useSession } from '../session';
import { formatDate, formatDateTime } from '../format';
import { showError, type ShownError } from '../errors';
import { parseParties, parseParty, partyText } from '../assignments';

const LEADERS = ['lanh-dao-vp', 'thuong-truc'];

export function IncomingInstruction({ entry, onGiven }: { entry: IncomingEntry; onGiven(): void }) {
  const { api, me } = useSession();
  const [text, setText] = useState('');
  const [lead, setLead] = useState('');
  const [coop, setCoop] = useState('');
  const [due, setDue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const given = entry.instruction;

  if (given) {
    return (
      <Container header={<Header variant="h2">Ý kiến chỉ đạo</Header>}>
        <KeyValuePairs
          columns={2}
          items={[
            { label: 'Ý kiến chỉ đạo', value: given.instruction },
            { label: 'Chủ trì', value: partyText(given.lead) },
            { label: 'Phối hợp', value: given.cooperating.length ? given.cooperating.map(partyText).join('; ') : '—' },
            { label: 'Người cho ý kiến', value: `${given.by.username}, ${formatDateTime(given.at)}` },
          ]}
        />
      </Container>
    );
  }
  if (!me.roles.some((r) => LEADERS.includes(r))) return null;

  async function give() {
    setBusy(true);
    setError(null);
    try {
      const leadParty = parseParty(lead);
      if (!leadParty) {
        setError({ summary: 'Hãy ghi người hoặc phòng/ban chủ trì.', fields: { lead: 'không được để trống' }, other: [] });
        return;
      }
      const r = await api.POST('/v1/registers/incoming/entries/{id}/instruction', {
        params: { path: { id: entry.id } },
        body: { instruction: text, lead: leadParty, cooperating: parseParties(coop), ...(due ? { dueDate: due } : {}) },
      });
      if (r.data) onGiven();
      else setError(showError(r.response.status, r.error));
    } catch {
      setError({ summary: 'Không kết nối được với máy chủ; hãy thử lại.', fields: {}, other: [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container header={<Header variant="h2" description={entry.dueDate ? `Hạn giải quyết của văn bản: ${formatDate(entry.dueDate)}` : undefined}>Cho ý kiến chỉ đạo, giao việc</Header>}>
      <SpaceBetween size="m">
        {error && (
          <Alert type="error" header="Chưa giao được việc">
            {error.summary}
            {error.other.length > 0 && <div>{error.other.join('; ')}</div>}
          </Alert>
        )}
        <FormField label="Ý kiến chỉ đạo" errorText={error?.fields.instruction} stretch>
          <Textarea value={text} onChange={(e) => setText(e.detail.value)} rows={3} ariaLabel="Ý kiến chỉ đạo" />
        </FormField>
        <FormField label="Chủ trì" description="Tên đăng nhập của người, hoặc mã phòng/ban viết hoa (ví dụ BTCTU)" errorText={error?.fields.lead ?? error?.fields['lead.user'] ?? error?.fields['lead.dept']}>
          <Input value={lead} onChange={(e) => setLead(e.detail.value)} ariaLabel="Chủ trì" />
        </FormField>
        <FormField label="Phối hợp" description="Cách nhau bằng dấu phẩy; mỗi đơn vị phối hợp có hạn riêng" errorText={error?.fields.cooperating}>
          <Input value={coop} onChange={(e) => setCoop(e.detail.value)} ariaLabel="Phối hợp" />
        </FormField>
        <FormField label="Hạn giải quyết" description="Để trống: theo hạn của văn bản (độ khẩn và lịch làm việc)" errorText={error?.fields.dueDate}>
          <DatePicker value={due} onChange={(e) => setDue(e.detail.value)} placeholder="YYYY/MM/DD" openCalendarAriaLabel={() => 'Chọn ngày'} />
        </FormField>
        <Box>
          <Button variant="primary" loading={busy} onClick={() => void give()}>
            Giao việc
          </Button>
        </Box>
      </SpaceBetween>
    </Container>
  );
}
