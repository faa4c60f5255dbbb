/**
 * Page images for OCR: decoding (JPEG/PNG via @napi-rs/canvas) to grey with the red seal
 * faded out, the colour planes of a page in colour (red stamps, blue handwriting), and
 * encoding back to PNG. The cleaning steps are beside it: frames.ts (boxes and
 * rules removed), scale.ts (resolution), skew.ts (straightening), on gray.ts's image.
 */
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import type { GrayImage } from './gray';

export type { GrayImage } from './gray';
export { otsuThreshold } from './gray';
export { removeFramesAndRules } from './frames';
export { scaleGray } from './scale';
export { estimateSkew, rotateGray, rotateScaleGray } from './skew';

/**
 * How strongly each pixel is coloured ink against the paper, 0..255, same size as the grey:
 * `red` (red and orange-red: stamps, seals), `blue` (blue and violet: pen, some stamps).
 */
export interface ColourPlanes {
  red: GrayImage;
  blue: GrayImage;
}

/** A decoded page: its grey (what OCR reads) and, when the page is in colour and shows coloured ink, the colour planes. */
export interface PageImage {
  gray: GrayImage;
  colour?: ColourPlanes;
}

/** Decodes a JPEG/PNG (anything the canvas decodes) to grey. */
export async function decodeToGray(bytes: Uint8Array): Promise<GrayImage> {
  return (await decodeToPage(bytes)).gray;
}

/** Decodes a JPEG/PNG to grey, with its colour planes when it is in colour (and `planes` is not false). */
export async function decodeToPage(bytes: Uint8Array, planes = true): Promise<PageImage> {
  const img = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const rgba = ctx.getImageData(0, 0, img.width, img.height).data;
  return rgbaToPage(rgba, img.width, img.height, 4, planes);
}

/**
 * Red ink: how far red stands above the larger of green and blue (chroma weighted by how near
 * the hue is to red). Paper yellowed with age (red ≈ green > blue) and the colour fringes JPEG
 * leaves around black print stay under the floor.
 */
const RED_FLOOR = 35;
const RED_FULL = 130;
/** Blue and violet ink: how far blue stands above green and the larger of red and green (violet has red). */
const BLUE_FLOOR = 30;
const BLUE_FULL = 110;
/** A page is in colour when at least this share of its pixels (and this many) are strongly coloured. */
const COLOUR_SHARE = 0.00005;
const COLOUR_MIN_PIXELS = 120;

const redness = (r: number, g: number, b: number): number => r - (g > b ? g : b);
const blueness = (r: number, g: number, b: number): number => b - (g + (r > g ? r : g)) / 2;
const strength = (d: number, floor: number, full: number): number => (d <= floor ? 0 : d >= full ? 255 : (((d - floor) * 255) / (full - floor) + 0.5) | 0);

/**
 * RGBA (or RGB) to a page: its grey as {@link rgbaToGray}, and the red and blue planes when
 * enough of it is strongly coloured (a grey scan, or a colour scan of black print, has none);
 * `planes` false: the grey only (a page whose stamps and ink are not read).
 */
export function rgbaToPage(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, channels = 4, planes = true): PageImage {
  const n = width * height;
  const gray = new Uint8Array(n);
  let coloured = 0;
  for (let i = 0, p = 0; i < n; i++, p += channels) {
    const r = rgba[p]!;
    const g = rgba[p + 1]!;
    const b = rgba[p + 2]!;
    const lum = (r * 299 + g * 587 + b * 114) / 1000;
    const gb = g > b ? g : b;
    if (r - gb > 40) {
      gray[i] = r > lum ? r : lum;
      if (r - gb > 70) coloured++;
    } else {
      gray[i] = lum;
      // Strongly blue (blueness > 60), in integers.
      if (2 * b - g - (r > g ? r : g) > 120) coloured++;
    }
  }
  const page: PageImage = { gray: { width, height, data: gray } };
  if (!planes || coloured < Math.max(COLOUR_MIN_PIXELS, n * COLOUR_SHARE)) return page;
  // A page in colour: a second pass for the planes (grey pages, most scans, never pay it).
  const red = new Uint8Array(n);
  const blue = new Uint8Array(n);
  for (let i = 0, p = 0; i < n; i++, p += channels) {
    const r = rgba[p]!;
    const g = rgba[p + 1]!;
    const b = rgba[p + 2]!;
    const rd = redness(r, g, b);
    if (rd > RED_FLOOR) red[i] = strength(rd, RED_FLOOR, RED_FULL);
    else {
      const bl = blueness(r, g, b);
      if (bl > BLUE_FLOOR) blue[i] = strength(bl, BLUE_FLOOR, BLUE_FULL);
    }
  }
  page.colour = { red: { width, height, data: red }, blue: { width, height, data: blue } };
  return page;
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
