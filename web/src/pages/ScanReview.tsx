/**
 * One scan's page (/tiep-nhan/<scanId>), as it is after a reload or opened from a link: the scan from
 * the API (GET /v1/scans/{id}, what this person may see of it), its page image from the file as
 * uploaded (GET /v1/scans/{id}/original: a short-lived URL the API gives only to whoever may see the
 * scan in full, read here into the same File the intake draws from a dropped file), beside the
 * proposed fields to correct and register.
 */
import { useEffect, useState } from 'react';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Alert from '@cloudscape-design/components/alert';
import Link from '@cloudscape-design/components/link';
import Spinner from '@cloudscape-design/components/spinner';
import Box from '@cloudscape-design/components/box';
import type { Api, IncomingEntry } from '../api/client';
import { useSession } from '../session';
import { follow } from '../router';
import { showError } from '../errors';
import type { Scan } from '../scan-fields';
import { RegisteredNote, ScanIntakeReview } from './ScanIntakeReview';

type Loaded = { scan: Scan; file: File | null; fileProblem: string | null } | { error: string };

/** The file as uploaded, or why it cannot be shown (the scan itself is still reviewed). */
async function originalFile(api: Api, scan: Scan): Promise<{ file: File | null; fileProblem: string | null }> {
  const r = await api.GET('/v1/scans/{scanId}/original', { params: { path: { scanId: scan.scanId } } });
  if (!r.data) return { file: null, fileProblem: showError(r.response.status, r.error).summary };
  const got = await fetch(r.data.downloadUrl).catch(() => null);
  if (!got?.ok) return { file: null, fileProblem: 'Không tải được tệp gốc từ kho lưu trữ; hãy tải lại trang.' };
  return { file: new File([await got.blob()], r.data.fileName, { type: r.data.contentType }), fileProblem: null };
}

async function load(api: Api, scanId: string): Promise<Loaded> {
  const r = await api.GET('/v1/scans/{scanId}', { params: { path: { scanId } } });
  if (!r.data) return { error: r.response.status === 404 ? 'Không tìm thấy văn bản quét, hoặc bạn không có quyền xem văn bản này.' : showError(r.response.status, r.error).summary };
  const scan = r.data;
  // Only a scan read in full has a page to show: a summary (above the clearance) or a quarantined scan has none.
  if (scan.status !== 'done' || Object.keys(scan.fields).length === 0) return { scan, file: null, fileProblem: null };
  return { scan, ...(await originalFile(api, scan)) };
}

export function ScanReview({ scanId }: { scanId: string }) {
  const { api } = useSession();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [entry, setEntry] = useState<IncomingEntry | null>(null);
  useEffect(() => {
    let live = true;
    load(api, scanId)
      .then((l) => live && setLoaded(l))
      .catch(() => live && setLoaded({ error: 'Không kết nối được với máy chủ; hãy thử lại.' }));
    return () => {
      live = false;
    };
  }, [api, scanId]);

  const scan = loaded && 'scan' in loaded ? loaded.scan : null;
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={scan ? `Tệp ${scan.fileName}` : undefined}>
          Đối chiếu văn bản quét
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Link href="/tiep-nhan" onFollow={follow}>
          Trở lại Tiếp nhận văn bản quét
        </Link>
        {!loaded && (
          <Box>
            <Spinner /> Đang tải văn bản quét…
          </Box>
        )}
        {loaded && 'error' in loaded && <Alert type="error">{loaded.error}</Alert>}
        {scan && entry && <RegisteredNote entry={entry} fileName={scan.fileName} />}
        {scan && !entry && scan.entryId && (
          <Alert type="success" header={`${scan.fileName}: đã vào sổ văn bản đến.`}>
            <Link href={`/van-ban-den/${scan.entryId}`} onFollow={follow}>
              Xem văn bản đã vào sổ
            </Link>
          </Alert>
        )}
        {scan && !entry && !scan.entryId && scan.status !== 'done' && <Alert type={scan.status === 'failed' || scan.status === 'quarantined' ? 'warning' : 'info'}>{stateText(scan)}</Alert>}
        {scan && !entry && !scan.entryId && scan.status === 'done' && Object.keys(scan.fields).length === 0 && (
          <Alert type="info">Độ mật của văn bản này vượt quá quyền đọc của bạn: hệ thống không gửi nội dung đọc được về trình duyệt.</Alert>
        )}
        {loaded && 'scan' in loaded && loaded.fileProblem && <Alert type="warning" header="Không hiển thị được ảnh trang">{loaded.fileProblem}</Alert>}
        {scan && !entry && !scan.entryId && scan.status === 'done' && Object.keys(scan.fields).length > 0 && 'file' in loaded! && (
          <ScanIntakeReview scan={scan} file={loaded.file} onRegistered={setEntry} />
        )}
      </SpaceBetween>
    </ContentLayout>
  );
}

function stateText(scan: Scan): string {
  switch (scan.status) {
    case 'awaiting-upload':
      return 'Tệp chưa được tải lên; hãy tiếp nhận lại tệp này.';
    case 'processing':
      return 'Hệ thống đang đọc chữ trên văn bản này; hãy tải lại trang sau ít phút.';
    case 'quarantined':
      return 'Văn bản Tối mật hoặc Tuyệt mật: hệ thống không giữ nội dung; chỉ vào sổ thông tin bên ngoài (bằng tay).';
    default:
      return 'Không đọc được văn bản này; hãy vào sổ bằng tay.';
  }
}
