/**
 * Generated pages with a red rubber stamp (a mark word in a frame, turned) over black print,
 * drawn with @napi-rs/canvas, for the colour and red-stamp tests: what a HỎA TỐC stamp on a
 * real letter looks like, at any angle, on white or yellowed paper, PNG or JPEG, in colour or
 * scanned in greyscale.
 */
import { createCanvas, type Canvas } from '@napi-rs/canvas';
// DejaVu from the project's own packages, not the machine's.
import '../../tools/print-fonts';

export interface StampPageSpec {
  /** The stamp's words as printed ("HỎA TỐC"). */
  words: string;
  /** Degrees, anticlockwise positive (rising to the right). */
  angle: number;
  /** Where the stamp's centre sits, page fractions. */
  at?: { x: number; y: number };
  paper?: [number, number, number];
  ink?: [number, number, number];
  format?: 'png' | 'jpeg';
  /** Page width in pixels (height √2 times it). */
  width?: number;
  /** The whole page scanned turned by this many degrees (the reader straightens it). */
  tilt?: number;
  /** Scanned in greyscale: the stamp's red is only a grey (ITU-R 601 luma), like the print's. */
  greyscale?: boolean;
}

const PRINT = [
  'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
  'Số: 299/UBND-TTHC',
  'V/v công bố Danh mục thủ tục hành chính',
  'Kính gửi: Sở Giao thông vận tải tỉnh',
  'Thực hiện nội dung các Quyết định của Bộ trưởng',
  'Bộ Giao thông vận tải về việc công bố thủ tục',
  'hành chính được ban hành mới, sửa đổi, bổ sung.',
];

/** One page: lines of black print and a red stamp (frame and words) turned by `angle`, encoded. */
export function stampPage(spec: StampPageSpec): Buffer {
  const { W, H, canvas, ctx } = blankPage(spec);
  if (spec.tilt) {
    ctx.translate(W / 2, H / 2);
    ctx.rotate((-spec.tilt * Math.PI) / 180);
    ctx.translate(-W / 2, -H / 2);
  }
  ctx.fillStyle = '#111';
  const size = Math.round(W / 50);
  ctx.font = `${size}px "DejaVu Serif"`;
  PRINT.forEach((line, i) => ctx.fillText(line, W * 0.1, H * 0.06 + i * size * 2.4));
  for (let i = 0; i < 14; i++) ctx.fillText(PRINT[4 + (i % 3)]!, W * 0.1, H * 0.45 + i * size * 2.2);
  drawStamp(ctx, { x: W * (spec.at?.x ?? 0.3), y: H * (spec.at?.y ?? 0.3), angle: spec.angle, words: spec.words, size: Math.round(W / 24), pad: 0.45, ink: spec.ink ?? [210, 30, 40] });
  return scanned(canvas, spec);
}


/** An A4 page `width` pixels wide (1240: 150 dpi) of `paper`. */
function blankPage(spec: { width?: number; paper?: [number, number, number] }) {
  const W = spec.width ?? 1240;
  const H = Math.round(W * 1.414);
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = `rgb(${(spec.paper ?? [255, 255, 255]).join(',')})`;
  ctx.fillRect(0, 0, W, H);
  return { W, H, canvas, ctx };
}

/** A stamp's frame and words centred at (x, y), turned `angle`° (anticlockwise), in `ink`; `multiply`: laid over the paper as ink is. */
function drawStamp(
  ctx: ReturnType<Canvas['getContext']>,
  st: { x: number; y: number; angle: number; words: string; size: number; pad: number; ink: [number, number, number]; multiply?: boolean },
): void {
  ctx.save();
  if (st.multiply) ctx.globalCompositeOperation = 'multiply';
  ctx.translate(st.x, st.y);
  ctx.rotate((-st.angle * Math.PI) / 180);
  ctx.font = `bold ${st.size}px "DejaVu Serif"`;
  const tw = ctx.measureText(st.words).width;
  const pad = st.size * st.pad;
  ctx.strokeStyle = ctx.fillStyle = `rgb(${st.ink.join(',')})`;
  ctx.lineWidth = Math.max(2, st.size / 10);
  ctx.strokeRect(-tw / 2 - pad, -st.size / 2 - pad, tw + 2 * pad, st.size + 2 * pad);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(st.words, 0, 0);
  ctx.restore();
}

/** The page as scanned: in greyscale (ITU-R 601 luma) when asked, encoded as PNG or JPEG. */
function scanned(canvas: Canvas, spec: { greyscale?: boolean; format?: 'png' | 'jpeg' }): Buffer {
  if (spec.greyscale) {
    const ctx = canvas.getContext('2d');
    const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const d = img.data;
    for (let i = 0; i < d.length; i += 4) d[i] = d[i + 1] = d[i + 2] = Math.round(0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!);
    ctx.putImageData(img, 0, 0);
  }
  return spec.format === 'jpeg' ? canvas.toBuffer('image/jpeg', 80) : canvas.toBuffer('image/png');
}

export interface HeaderStampSpec {
  /** The stamp's words as printed ("HỎA TỐC", "MẬT"). */
  words: string;
  /** Degrees, anticlockwise positive. */
  angle: number;
  greyscale?: boolean;
  format?: 'png' | 'jpeg';
  paper?: [number, number, number];
  /** Page width in pixels (150 dpi: 1240). */
  width?: number;
}

/**
 * A State letter's first page with its mark stamped where a văn thư stamps it: under the
 * Số line, in the issuing body's column, above the trích yếu (red, multiplied over the paper
 * as ink is), the rest of the page black print; scanned in colour or greyscale.
 */
export function headerStampPage(spec: HeaderStampSpec): Buffer {
  const { W, H, canvas, ctx } = blankPage(spec);
  const size = Math.round(W / 62);
  const left = W * 0.27;
  const right = W * 0.66;
  const centred = (text: string, x: number, y: number, style = '') => {
    ctx.font = `${style} ${size}px "DejaVu Serif"`.trim();
    ctx.fillText(text, x - ctx.measureText(text).width / 2, y);
  };
  ctx.fillStyle = '#111';
  centred('ỦY BAN NHÂN DÂN', left, H * 0.06);
  centred('TỈNH QUẢNG NGÃI', left, H * 0.06 + size * 1.3, 'bold');
  centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', right, H * 0.06, 'bold');
  centred('Độc lập - Tự do - Hạnh phúc', right, H * 0.06 + size * 1.3, 'bold');
  const soY = H * 0.06 + size * 3.6;
  centred('Số: 299/UBND-TTHC', left, soY);
  centred('Quảng Ngãi, ngày 21 tháng 01 năm 2025', right, soY, 'italic');
  const stampY = soY + size * 3.2;
  const subjectY = stampY + size * 4.2;
  centred('V/v công bố Danh mục thủ tục hành chính', left, subjectY);
  ctx.font = `${size}px "DejaVu Serif"`;
  ctx.fillText('Kính gửi: Sở Giao thông vận tải tỉnh Quảng Ngãi', W * 0.3, subjectY + size * 3);
  for (let i = 0; i < 12; i++) ctx.fillText(PRINT[4 + (i % 3)]!, W * 0.12, subjectY + size * 5.5 + i * size * 1.7);
  // MẬT, the shortest mark, is then ~21 mm long in its frame (the decree's smallest stamp is 20 × 8 mm).
  drawStamp(ctx, { x: left, y: stampY, angle: spec.angle, words: spec.words, size: Math.round(W / 32), pad: 0.4, ink: [210, 30, 40], multiply: true });
  return scanned(canvas, spec);
}
