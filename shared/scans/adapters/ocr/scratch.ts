/**
 * Page-sized scratch arrays, kept from one page to the next. A fresh typed array the size of a
 * page is paid in page faults as its memory is first touched, and here (a Firecracker VM, as
 * Lambda is) that costs more than the work done in it: measured, an Int32Array for a 300 dpi A4
 * page (8.7 M pixels, 35 MB) takes ~100 ms to touch fresh and ~2 ms to clear and touch reused.
 * Only for temporaries a synchronous function does not let out of its hands; one array per name,
 * so two temporaries of one function never share memory. Arrays larger than KEEP_BYTES (a page
 * far above 300 dpi) are made fresh and not kept, so one odd page does not hold its memory.
 */
const KEEP_BYTES = 64 * 1024 * 1024;
const kept = new Map<string, ArrayBuffer>();

function memory(name: string, bytes: number): ArrayBuffer {
  if (bytes > KEEP_BYTES) return new ArrayBuffer(bytes);
  let b = kept.get(name);
  if (!b || b.byteLength < bytes) {
    b = new ArrayBuffer(bytes);
    kept.set(name, b);
  }
  return b;
}

/** A Uint8Array of `length` under `name`; zeroed when `cleared`, else holding what it last held. */
export function scratchUint8(name: string, length: number, cleared: boolean): Uint8Array<ArrayBuffer> {
  const a = new Uint8Array(memory(name, length), 0, length);
  return cleared ? a.fill(0) : a;
}

/** An Int32Array of `length` under `name`; zeroed when `cleared`. */
export function scratchInt32(name: string, length: number, cleared: boolean): Int32Array<ArrayBuffer> {
  const a = new Int32Array(memory(name, length * 4), 0, length);
  return cleared ? a.fill(0) : a;
}

/** A Float32Array of `length` under `name`; zeroed when `cleared`. */
export function scratchFloat32(name: string, length: number, cleared: boolean): Float32Array<ArrayBuffer> {
  const a = new Float32Array(memory(name, length * 4), 0, length);
  return cleared ? a.fill(0) : a;
}
