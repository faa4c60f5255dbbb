/**
 * A white canvas with its pen set to one ink: what the training tools, the letter generator and
 * the tests' drawn pages start from.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';

export function inkOnWhite(width: number, height: number, ink = '#000'): { canvas: Canvas; ctx: SKRSContext2D } {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = ink;
  ctx.strokeStyle = ink;
  return { canvas, ctx };
}
