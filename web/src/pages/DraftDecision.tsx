/**
 * The decision of a draft's pending step: thẩm định (chuyên viên), phê duyệt (Thường trực), or the
 * drafting department's revision (the text to edit, then trình lại or rút). Ý kiến is required by
 * the API to return or reject; its refusals (four eyes among them) are shown in Vietnamese.
 */
import { useState } from 'react';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import FormField from '@cloudscape-design/components/form-field';
import Textarea from '@cloudscape-design/components/textarea';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Alert from '@cloudscape-design/components/alert';
import { useSession } from '../session';
import { STEP_DECISIONS, draftError, type Decision, type Draft, type DraftError, type Step } from '../drafts';

const TITLES: Record<Step, string> = {
  appraisal: 'Ý kiến thẩm định',
  approval: 'Ý kiến phê duyệt',
  revision: 'Chỉnh sửa và trình lại',
};

export function DecisionPanel({ draft, step, onDecided }: { draft: Draft; step: Step; onDecided(): void }) {
  const { api } = useSession();
  const [comment, setComment] = useState('');
  const [body, setBody] = useState(draft.body);
  const [busy, setBusy] = useState<Decision | null>(null);
  const [error, setError] = useState<DraftError | null>(null);
  const returned = [...draft.history].reverse().find((h) => h.decision === 'return');

  async function decide(decision: Decision) {
    setBusy(decision);
    setError(null);
    try {
      const changed = step === 'revision' && decision === 'approve' && body !== draft.body;
      const r = await api.POST('/v1/drafts/{id}/decisions', {
        params: { path: { id: draft.id } },
        body: { step, decision, ...(comment.trim() ? { comment } : {}), ...(changed ? { body } : {}) },
      });
      if (r.data) {
        setComment('');
        onDecided();
      } else {
        setError(draftError(r.response.status, r.error));
        if (r.response.status === 409) onDecided();
      }
    } catch {
      setError({ summary: 'Không kết nối được với máy chủ; hãy thử lại.', fields: {}, other: [] });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Container header={<Header variant="h2">{TITLES[step]}</Header>}>
      <SpaceBetween size="m">
        {step === 'revision' && returned?.comment && (
          <Alert type="warning" header={`Ý kiến khi trả lại (${returned.actor.username})`}>
            {returned.comment}
          </Alert>
        )}
        {error && (
          <Alert type="error" header="Chưa ghi nhận được ý kiến">
            {error.summary}
            {error.other.length > 0 && (
              <ul>
                {error.other.map((o, i) => (
                  <li key={i}>{o}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
        {step === 'revision' && (
          <FormField label="Nội dung dự thảo đã chỉnh sửa" errorText={error?.fields.body} stretch>
            <Textarea value={body} onChange={(e) => setBody(e.detail.value)} rows={18} spellcheck={false} />
          </FormField>
        )}
        <FormField
          label="Ý kiến"
          description={step === 'revision' ? 'Giải trình nội dung đã chỉnh sửa; bắt buộc khi rút dự thảo.' : 'Bắt buộc khi trả lại hoặc không đồng ý.'}
          errorText={error?.fields.comment}
          stretch
        >
          <Textarea value={comment} onChange={(e) => setComment(e.detail.value)} rows={3} />
        </FormField>
        <SpaceBetween direction="horizontal" size="xs">
          {STEP_DECISIONS[step].map((d, i) => (
            <Button key={d.decision} variant={i === 0 ? 'primary' : 'normal'} loading={busy === d.decision} disabled={busy !== null && busy !== d.decision} onClick={() => void decide(d.decision)}>
              {d.label}
            </Button>
          ))}
        </SpaceBetween>
      </SpaceBetween>
    </Container>
  );
}
