/**
 * Tiếp nhận văn bản quét: the clerk drops (or picks) several scans; each is announced to the API
 * (POST /v1/scans), PUT to its presigned upload URL with the signed headers (upload progress
 * shown), then read by OCR (GET /v1/scans/{id} polled until it is done, failed or quarantined).
 * A read scan opens beside its proposed fields (ScanIntakeReview) to correct and register, here
 * or on its own page (ScanReview, /tiep-nhan/<scanId>), which a reload keeps.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Container from '@cloudscape-design/components/container';
import FileDropzone from '@cloudscape-design/components/file-dropzone';
import FileInput from '@cloudscape-design/components/file-input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Box from '@cloudscape-design/components/box';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import Button from '@cloudscape-design/components/button';
import Alert from '@cloudscape-design/components/alert';
import Link from '@cloudscape-design/components/link';
import type { Api, IncomingEntry } from '../api/client';
import { useSession } from '../session';
import { follow } from '../router';
import { showError } from '../errors';
import { scanContentType, type Scan } from '../scan-fields';
import { RegisteredNote, ScanIntakeReview } from './ScanIntakeReview';

const POLL_MS = 1000;

type Stage = 'announcing' | 'uploading' | 'reading' | 'done' | 'failed' | 'quarantined' | 'error';

interface Item {
  key: string;
  file: File;
  stage: Stage;
  /** Upload progress 0..100. */
  uploaded: number;
  scanId?: string;
  scan?: Scan;
  error?: string;
  entry?: IncomingEntry;
  startedReading?: number;
}

function put(url: string, headers: Record<string, string>, file: File, onProgress: (pct: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    for (const [k, v] of Object.entries(headers)) {
      // The browser sets the length itself (it is the file's, as signed).
      if (k.toLowerCase() !== 'content-length') xhr.setRequestHeader(k, v);
    }
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(`Kho lưu trữ từ chối tệp (mã ${xhr.status}).`)));
    xhr.onerror = () => reject(new Error('Không gửi được tệp lên kho lưu trữ.'));
    xhr.send(file);
  });
}

/** Sends one file and follows it until OCR has read it; `update` is told each step. */
async function intake(api: Api, item: Item, update: (patch: Partial<Item>) => void, alive: () => boolean): Promise<void> {
  const contentType = scanContentType(item.file);
  if (!contentType) return update({ stage: 'error', error: 'Chỉ nhận tệp JPEG, PNG, TIFF hoặc PDF.' });
  const created = await api.POST('/v1/scans', { body: { fileName: item.file.name, contentType, size: item.file.size }, headers: { 'Idempotency-Key': crypto.randomUUID() } });
  if (!created.data) return update({ stage: 'error', error: showError(created.response.status, created.error).summary });
  const ticket = created.data;
  update({ stage: 'uploading', scanId: ticket.scanId });
  await put(ticket.uploadUrl, ticket.headers, item.file, (uploaded) => update({ uploaded }));
  update({ stage: 'reading', uploaded: 100, startedReading: Date.now() });
  while (alive()) {
    const r = await api.GET('/v1/scans/{scanId}', { params: { path: { scanId: ticket.scanId } } });
    if (!r.data) return update({ stage: 'error', error: showError(r.response.status, r.error).summary });
    const s = r.data;
    if (s.status === 'done') return update({ stage: 'done', scan: s });
    if (s.status === 'failed') return update({ stage: 'failed', scan: s, error: 'Không đọc được văn bản từ tệp này; hãy kiểm tra tệp hoặc vào sổ bằng tay.' });
    if (s.status === 'quarantined') return update({ stage: 'quarantined', scan: s, error: 'Văn bản Tối mật, Tuyệt mật: không lưu bản quét; hãy vào sổ bằng tay chỉ với các thông tin chung.' });
    await new Promise((res) => setTimeout(res, POLL_MS));
  }
}

function StageText({ item, now }: { item: Item; now: number }) {
  switch (item.stage) {
    case 'announcing':
      return <StatusIndicator type="pending">Đang chuẩn bị tải lên</StatusIndicator>;
    case 'uploading':
      return <ProgressBar value={item.uploaded} label="Đang tải lên" ariaLabel={`Tải lên ${item.file.name}`} />;
    case 'reading':
      return <StatusIndicator type="loading">Đang nhận dạng chữ (OCR), {Math.max(0, Math.round((now - (item.startedReading ?? now)) / 1000))} giây</StatusIndicator>;
    case 'done':
      return item.entry ? <StatusIndicator type="success">Đã vào sổ, số đến {item.entry.arrivalNumber}</StatusIndicator> : <StatusIndicator type="success">Đã đọc xong</StatusIndicator>;
    case 'quarantined':
      return <StatusIndicator type="warning">{item.error}</StatusIndicator>;
    default:
      return <StatusIndicator type="error">{item.error ?? 'Có lỗi'}</StatusIndicator>;
  }
}

export function ScanIntake() {
  const { api } = useSession();
  const [items, setItems] = useState<Item[]>([]);
  const [now, setNow] = useState(Date.now());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => void (mounted.current = false);
  }, []);
  const reading = items.some((i) => i.stage === 'reading');
  useEffect(() => {
    if (!reading) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [reading]);

  const update = useCallback((key: string) => (patch: Partial<Item>) => mounted.current && setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i))), []);

  const add = (files: File[]) => {
    const fresh: Item[] = files.map((file) => ({ key: crypto.randomUUID(), file, stage: 'announcing', uploaded: 0 }));
    setItems((all) => [...all, ...fresh]);
    for (const item of fresh) {
      intake(api, item, update(item.key), () => mounted.current).catch((err: Error) => update(item.key)({ stage: 'error', error: err.message || 'Không kết nối được với máy chủ.' }));
    }
  };

  return (
    <ContentLayout
      header={
        <Header variant="h1" description="Kéo thả hoặc chọn các tệp quét (JPEG, PNG, TIFF, PDF, tối đa 50 MB mỗi tệp); hệ thống đọc chữ và đề xuất thông tin để vào sổ văn bản đến.">
          Tiếp nhận văn bản quét
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container>
          <FileDropzone onChange={(e) => add(e.detail.value)}>
            <SpaceBetween size="xs" alignItems="center">
              <Box>Kéo thả các tệp quét vào đây, hoặc</Box>
              <FileInput multiple accept=".jpg,.jpeg,.png,.tif,.tiff,.pdf,image/jpeg,image/png,image/tiff,application/pdf" value={[]} ariaLabel="Chọn tệp quét" onChange={(e) => add(e.detail.value)}>
                Chọn tệp
              </FileInput>
            </SpaceBetween>
          </FileDropzone>
        </Container>
        {items.length > 0 && (
          <Table
            header={<Header variant="h2" counter={`(${items.length})`}>Các tệp đã nhận</Header>}
            ariaLabels={{ tableLabel: 'Các tệp quét đã nhận' }}
            trackBy="key"
            items={items}
            columnDefinitions={[
              { id: 'file', header: 'Tệp', cell: (i) => i.file.name },
              { id: 'size', header: 'Dung lượng', cell: (i) => `${(i.file.size / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 2 })} MB` },
              { id: 'stage', header: 'Tình trạng', cell: (i) => <StageText item={i} now={now} />, minWidth: 260 },
              {
                id: 'open',
                header: 'Trang đối chiếu',
                // The scan's own page keeps it after a reload (its image then comes from the API's copy of the file).
                cell: (i) =>
                  i.scan ? (
                    <Link href={`/tiep-nhan/${i.scan.scanId}`} onFollow={follow} ariaLabel={`Mở trang đối chiếu ${i.file.name}`}>
                      Mở trang đối chiếu
                    </Link>
                  ) : null,
              },
              {
                id: 'again',
                header: '',
                cell: (i) =>
                  i.stage === 'error' ? (
                    <Button variant="inline-link" onClick={() => (setItems((all) => all.filter((x) => x.key !== i.key)), add([i.file]))}>
                      Thử lại
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
        {items.map((i) =>
          i.entry ? (
            <RegisteredNote key={i.key} entry={i.entry} fileName={i.file.name} />
          ) : i.stage === 'done' && i.scan && Object.keys(i.scan.fields).length === 0 ? (
            <Alert key={i.key} type="info" header={i.file.name}>
              Độ mật của văn bản này vượt quá quyền đọc của bạn: hệ thống không gửi nội dung đọc được về trình duyệt.
            </Alert>
          ) : i.stage === 'done' && i.scan ? (
            <ScanIntakeReview key={i.key} scan={i.scan} file={i.file} onRegistered={(entry) => update(i.key)({ entry })} />
          ) : null,
        )}
      </SpaceBetween>
    </ContentLayout>
  );
}
