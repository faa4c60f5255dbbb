/**
 * A scan's page drawn from its file: the one the clerk dropped (no download needed), or the
 * original read back from the API's short-lived URL (ScanReview, after a reload): JPEG/PNG through the browser's decoder, PDF pages with pdfjs-dist. The
 * focused field's box (page fractions from the API) is outlined on the page in its tone.
 */
import { useEffect, useRef, useState } from 'react';
import Box from '@cloudscape-design/components/box';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { bboxToPixels, TONE_COLOUR, type Bbox, type Tone } from '../scan-fields';

export interface Highlight {
  label: string;
  page: number;
  bbox: Bbox;
  tone: Tone;
}

const MAX_SIDE = 2000;

async function drawImage(file: File, canvas: HTMLCanvasElement): Promise<number> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return 1;
}

async function drawPdfPage(file: File, pageNumber: number, canvas: HTMLCanvasElement): Promise<number> {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await file.arrayBuffer()), isEvalSupported: false }).promise;
  try {
    const page = await doc.getPage(Math.min(Math.max(1, pageNumber), doc.numPages));
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: Math.min(2, MAX_SIDE / Math.max(base.width, base.height)) });
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise;
    return doc.numPages;
  } finally {
    void doc.destroy();
  }
}

export function ScanIntakeImage({ file, pages, highlight, fileLabel }: { file: File; pages: number; highlight: Highlight | null; fileLabel: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [page, setPage] = useState(1);
  const [state, setState] = useState<'drawing' | 'drawn' | 'failed' | 'unsupported'>('drawing');
  const [size, setSize] = useState({ width: 0, height: 0 });
  const isPdf = file.type === 'application/pdf';
  const drawable = isPdf || file.type === 'image/jpeg' || file.type === 'image/png';

  // The focused field's page is shown.
  useEffect(() => {
    if (highlight) setPage(highlight.page);
  }, [highlight]);

  useEffect(() => {
    if (!drawable || !canvas.current) {
      setState('unsupported');
      return;
    }
    let live = true;
    setState('drawing');
    (isPdf ? drawPdfPage(file, page, canvas.current) : drawImage(file, canvas.current))
      .then(() => live && setState('drawn'))
      .catch(() => live && setState('failed'));
    return () => {
      live = false;
    };
  }, [file, page, isPdf, drawable]);

  // The drawn size on screen (the canvas is scaled to the column's width).
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const observe = new ResizeObserver(() => setSize({ width: c.clientWidth, height: c.clientHeight }));
    observe.observe(c);
    return () => observe.disconnect();
  }, []);

  const shown = highlight && highlight.page === page && state === 'drawn' ? highlight : null;
  const box = shown ? bboxToPixels(shown.bbox, size.width, size.height) : null;
  return (
    <SpaceBetween size="xs">
      {pages > 1 && (
        <Pagination
          currentPageIndex={page}
          pagesCount={pages}
          onChange={(e) => setPage(e.detail.currentPageIndex)}
          ariaLabels={{ nextPageLabel: 'Trang sau', previousPageLabel: 'Trang trước', pageLabel: (n) => `Trang ${n} của văn bản` }}
        />
      )}
      <div style={{ position: 'relative', lineHeight: 0, border: '1px solid #d1d5db', background: '#f4f4f4', minHeight: state === 'drawn' ? undefined : 200 }}>
        <canvas ref={canvas} role="img" aria-label={`Trang ${page} của ${fileLabel}`} style={{ width: '100%', height: 'auto', display: state === 'drawn' ? 'block' : 'none' }} />
        {shown && box && (
          <div
            data-testid="vung-danh-dau"
            role="img"
            aria-label={`Vị trí của ${shown.label} trên trang ${shown.page}`}
            style={{
              position: 'absolute',
              left: box.x - 3,
              top: box.y - 3,
              width: box.w + 6,
              height: box.h + 6,
              border: `3px solid ${TONE_COLOUR[shown.tone]}`,
              background: `${TONE_COLOUR[shown.tone]}22`,
              boxSizing: 'border-box',
              borderRadius: 3,
              pointerEvents: 'none',
            }}
          />
        )}
        {state === 'drawing' && (
          <Box padding="l" textAlign="center">
            <Spinner /> Đang hiển thị trang…
          </Box>
        )}
      </div>
      {state === 'unsupported' && <Box color="text-status-inactive">Trình duyệt không hiển thị được tệp loại này (TIFF); hãy đối chiếu với bản giấy.</Box>}
      {state === 'failed' && <Box color="text-status-error">Không hiển thị được trang của tệp này.</Box>}
      <Box variant="small" color="text-body-secondary">
        {shown ? `Đang đánh dấu trên trang ${shown.page}: ${shown.label}.` : 'Chọn một ô để xem vị trí đọc được trên trang.'}
      </Box>
    </SpaceBetween>
  );
}
