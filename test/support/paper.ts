/**
 * A white page to draw on (@napi-rs/canvas, ink #111), and the grey image the OCR adapters take
 * from it: for tests that draw what a scan shows (text lines, stamps, handwriting).
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { inkOnWhite } from '../../tools/canvas';
import type { GrayImage } from '../../shared/scans/adapters/ocr/gray';

export function paper(width: number, height: number): { ctx: SKRSContext2D; gray(): GrayImage } {
  const { ctx } = inkOnWhite(width, height, '#111');
  return {
    ctx,
    gray() {
      const rgba = ctx.getImageData(0, 0, width, height).data;
      const data = new Uint8Array(width * height);
      for (let i = 0; i < width * height; i++) data[i] = rgba[i * 4]!;
      return { width, height, data };
    },
  };
}
