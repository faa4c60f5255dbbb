/**
 * Generated pages with a red rubber stamp (a mark word in a frame, turned) over black print,
 * drawn with @napi-rs/canvas, for the colour and red-stamp tests: what a HỎA TỐC stamp on a
 * real letter looks like, at any angle, on white or yellowed paper, PNG or JPEG.
 */
import { createCanvas } from '@napi-rs/canvas';
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
  const W = spec.width ?? 1240;
  const H = Math.round(W * 1.414);
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  const [pr, pg, pb] = spec.paper ?? [255, 255, 255];
  ctx.fillStyle = `rgb(${pr},${pg},${pb})`;
  ctx.fillRect(0, 0, W, H);
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
  const [ir, ig, ib] = spec.ink ?? [210, 30, 40];
  ctx.save();
  ctx.translate(W * (spec.at?.x ?? 0.3), H * (spec.at?.y ?? 0.3));
  ctx.rotate((-spec.angle * Math.PI) / 180);
  const stampSize = Math.round(W / 24);
  ctx.font = `bold ${stampSize}px "DejaVu Serif"`;
  const tw = ctx.measureText(spec.words).width;
  const pad = stampSize * 0.45;
  ctx.strokeStyle = `rgb(${ir},${ig},${ib})`;
  ctx.fillStyle = `rgb(${ir},${ig},${ib})`;
  ctx.lineWidth = Math.max(2, stampSize / 10);
  ctx.strokeRect(-tw / 2 - pad, -stampSize / 2 - pad, tw + 2 * pad, stampSize + 2 * pad);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(spec.words, 0, 0);
  ctx.restore();
  return spec.format === 'jpeg' ? canvas.toBuffer('image/jpeg', 80) : canvas.toBuffer('image/png');
}
