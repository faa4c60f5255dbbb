/**
 * One draft (dự thảo) as the API gives it to this person: its text beside the precheck findings,
 * dossier, history, and, when its pending step is for one of this person's roles, the decision
 * (thẩm định, phê duyệt, or the department's revision with the text to edit). The API decides
 * who may decide (roles, department, four eyes); its refusal is shown in Vietnamese. While the
 * workflow moves on (precheck, issuance) the page reads the draft again every two seconds.
 */
import { useCallback, useEffect, useState } from 'react';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Container from '@cloudscape-design/components/container';
import Grid from '@cloudscape-design/components/grid';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Alert from '@cloudscape-design/components/alert';
import Spinner from '@cloudscape-design/components/spinner';
import Box from '@cloudscape-design/components/box';
import { useSession } from '../session';
import { follow } from '../router';
import { formatDateTime } from '../format';
import { ROLE_LABELS, SECRECY_LABELS, URGENCY_LABELS, type Role } from '../labels';
import { showError } from '../errors';
import { FINAL_STATUSES, STEP_LABELS, dossierKindName, type Draft } from '../drafts';
import { DraftStatusText, DraftText, DueAt, Findings, History } from './DraftParts';
import { DecisionPanel } from './DraftDecision';

const POLL_MS = 2000;

/** The workflow has the draft (precheck running, or issuance after the approval): read it again soon. */
const moving = (d: Draft) => !FINAL_STATUSES.includes(d.status) && !d.pendingTask;

export function DraftDetail({ id }: { id: string }) {
  const { api, me } = useSession();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    let live = true;
    api
      .GET('/v1/drafts/{id}', { params: { path: { id } } })
      .then((r) => {
        if (!live) return;
        if (r.data) setDraft(r.data);
        else setError(r.response.status === 404 ? 'Không tìm thấy dự thảo, hoặc bạn không có quyền xem dự thảo này.' : showError(r.response.status, r.error).summary);
      })
      .catch(() => live && setError('Không kết nối được với máy chủ; hãy thử lại.'));
    return () => {
      live = false;
    };
  }, [api, id, tick]);

  useEffect(() => {
    if (!draft || !moving(draft)) return;
    const t = setTimeout(reload, POLL_MS);
    return () => clearTimeout(t);
  }, [draft, reload]);

  const crumbs = (
    <BreadcrumbGroup
      items={[
        { text: 'Dự thảo', href: '/du-thao' },
        { text: draft ? draft.subject : 'Dự thảo', href: `/du-thao/${id}` },
      ]}
      onFollow={follow}
      ariaLabel="Đường dẫn"
    />
  );
  if (error) {
    return (
      <ContentLayout header={<SpaceBetween size="xs">{crumbs}<Header variant="h1">Dự thảo</Header></SpaceBetween>}>
        <Alert type="error" header="Không mở được dự thảo">{error}</Alert>
      </ContentLayout>
    );
  }
  if (!draft) return <Spinner size="large" />;
  const task = draft.pendingTask;
  const mine = !!task && me.roles.includes(task.role as Role) && (task.step !== 'revision' || me.dept === draft.dept);
  return (
    <ContentLayout
      header={
        <SpaceBetween size="xs">
          {crumbs}
          <Header
            variant="h1"
            description={
              <>
                {draft.typeCode} — {draft.subject}
                {task && (
                  <>
                    {' · '}
                    {STEP_LABELS[task.step] ?? task.step}, hạn <DueAt dueAt={task.dueAt} />
                  </>
                )}
              </>
            }
            info={<DraftStatusText status={draft.status} />}
          >
            {draft.numberSymbol ? `Dự thảo đã ban hành: số ${draft.numberSymbol}` : 'Dự thảo văn bản'}
          </Header>
        </SpaceBetween>
      }
    >
      <SpaceBetween size="l">
        {draft.status === 'issued' && draft.numberSymbol && (
          <Alert type="success" header={`Đã ban hành, số ${draft.numberSymbol}`}>
            Văn bản đã được cấp số và vào sổ văn bản đi.
          </Alert>
        )}
        {moving(draft) && (
          <Alert type="info" header={draft.status === 'precheck' ? 'Đang kiểm tra thể thức' : 'Đang chuyển bước tiếp theo'}>
            <SpaceBetween direction="horizontal" size="xs">
              <Spinner />
              <span>Trang sẽ tự cập nhật.</span>
            </SpaceBetween>
          </Alert>
        )}
        <Grid gridDefinition={[{ colspan: { default: 12, s: 7 } }, { colspan: { default: 12, s: 5 } }]}>
          <Container header={<Header variant="h2">Nội dung dự thảo</Header>}>
            <DraftText body={draft.body} />
          </Container>
          <Container header={<Header variant="h2">Kết quả kiểm tra thể thức</Header>}>
            <Findings draft={draft} />
          </Container>
        </Grid>
        {mine && task && <DecisionPanel draft={draft} step={task.step} onDecided={reload} />}
        <Container header={<Header variant="h2">Thông tin dự thảo</Header>}>
          <KeyValuePairs
            columns={4}
            items={[
              { label: 'Tình trạng', value: <DraftStatusText status={draft.status} /> },
              {
                label: 'Bước đang chờ',
                value: task ? `${STEP_LABELS[task.step] ?? task.step} — ${ROLE_LABELS[task.role as Role] ?? task.role}${task.escalated ? ' (đã quá hạn một lần, đã báo lãnh đạo văn phòng)' : ''}` : '—',
              },
              { label: 'Hạn của bước', value: <DueAt dueAt={task?.dueAt} /> },
              { label: 'Số, ký hiệu', value: draft.numberSymbol ?? 'Chưa cấp số' },
              { label: 'Ban soạn thảo', value: draft.dept ?? draft.createdBy.username },
              { label: 'Cơ quan ban hành', value: draft.issuerCode },
              { label: 'Độ mật', value: draft.secrecy ? SECRECY_LABELS[draft.secrecy] : 'Không mật' },
              { label: 'Độ khẩn', value: draft.urgency ? URGENCY_LABELS[draft.urgency] : 'Thường' },
              { label: 'Ngày trình', value: formatDateTime(draft.createdAt) },
              { label: 'Lần trình', value: String(draft.round) },
              { label: 'Nơi nhận', value: draft.recipients.length ? draft.recipients.join('; ') : '—' },
              { label: 'Hồ sơ trình', value: draft.dossier.length ? draft.dossier.map((d) => (d.name ? `${dossierKindName(d.kind)}: ${d.name}` : dossierKindName(d.kind))).join('; ') : '—' },
            ]}
          />
        </Container>
        <Container header={<Header variant="h2">Quá trình xử lý</Header>}>
          <History draft={draft} />
        </Container>
        {!mine && task && (
          <Box variant="small" color="text-status-inactive">
            Bước này do {ROLE_LABELS[task.role as Role] ?? task.role} quyết định.
          </Box>
        )}
      </SpaceBetween>
    </ContentLayout>
  );
}
