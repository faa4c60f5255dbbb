/**
 * Page images for OCR: decoding (JPEG/PNG via @napi-rs/canvas) to grey with the red seal
 * faded out, and encoding back to PNG. The cleaning steps are beside it: frames.ts (boxes and
 * rules removed), scale.ts (resolution), skew.ts (straightening), on gray.ts's image.
 */
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import type { GrayImage } from './gray';

export type { GrayImage } from './gray';
export { otsuThreshold } from './gray';
export { removeFramesAndRules } from './frames';
export { scaleGray } from './scale';
export { estimateSkew, rotateGray } from './skew';

/** Decodes a JPEG/PNG (anything the canvas decodes) to grey. */
export async function decodeToGray(bytes: Uint8Array): Promise<GrayImage> {
  const img = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const rgba = ctx.getImageData(0, 0, img.width, img.height).data;
  return { width: img.width, height: img.height, data: rgbaToGray(rgba, img.width * img.height) };
}

/**
 * RGBA to grey. Red and pink ink (the seal, a red title) is faded towards paper, so the black
 * text under a seal stays readable: the red channel of red ink is bright.
 */
export function rgbaToGray(rgba: Uint8Array | Uint8ClampedArray, n: number, channels = 4): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0, p = 0; i < n; i++, p += channels) {
    const r = rgba[p]!;
    const g = rgba[p + 1]!;
    const b = rgba[p + 2]!;
    const lum = (r * 299 + g * 587 + b * 114) / 1000;
    out[i] = r - Math.max(g, b) > 40 ? Math.max(lum, r) : lum;
  }
  return out;
}

function grayToCanvas(img: GrayImage): Canvas {
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  const id = ctx.createImageData(img.width, img.height);
  const d = id.data;
  for (let i = 0, p = 0; i < img.data.length; i++, p += 4) {
    const v = img.data[i]!;
    d[p] = v;
    d[p + 1] = v;
    d[p + 2] = v;
    d[p + 3] = 255;
  }
  ctx.putImageData(id, 0, 0);
  return canvas;
}

/**
 * A grey image as an uncompressed 8-bit PGM-free BMP is not read by every build; PNG is.
 * Encodes through the canvas.
 */
export function encodePng(img: GrayImage): Buffer {
  return grayToCanvas(img).toBuffer('image/png');
}
