/**
 * Zones of page 1 before fields (issue 14): the header zone runs from the top of the text to
 * the first line of the body ("Kính gửi", "Căn cứ", "Thực hiện …" as a sentence, a numbered
 * section). Header fields (số/ký hiệu, date, issuer, tên loại, trích yếu, stamps) are read
 * only there, so a number or date cited in the body never becomes the document's own.
 */
import { lettersFold, upperShare, type Line } from './lines';
import { mottoOn } from './header';
import { PARTY_MOTTO, STATE_MOTTO } from './vocabulary';

/** Words that open the body of a letter (as a sentence: capitalised), or a numbered section. */
const BODY_WORDS = /^(?:[-+•]\s*)?(kinh gui|kinh trinh|can cu|thuc hien|theo de nghi|xet de nghi|trong boi canh|noi nhan)\b/;
/** A numbered section: "1. Giao …", "II- NHIỆM VỤ", "Điều 1": a small number and then words, not a run of digits (a signing stamp's time read as "160) 2005004600)"). */
const NUMBERED = /^(?:[ivx]+\s*[-.]\s+[a-z]|\d{1,2}\s*[-.)]\s+[a-z]|dieu \d)/;

/** The line opens the body: body words at its start written as a sentence (a capital), or a numbered section. */
export function opensBody(l: Line): boolean {
  if (!l.text) return false;
  const lf = lettersFold(l.fold);
  if (NUMBERED.test(l.fold.trim())) return true;
  if (!BODY_WORDS.test(lf)) return false;
  // "thực hiện Nghị quyết …" in lower case continues a trích yếu; the body starts with a capital.
  const first = /\p{L}/u.exec(l.text);
  return !!first && first[0] !== first[0].toLowerCase();
}

/** Most lines the header zone may span (two columns read one after the other, a long trích yếu, stamps). */
export const HEADER_MAX_LINES = 40;

/**
 * End (exclusive) of the header zone: the first line that opens the body, after at least two
 * lines of text; at most HEADER_MAX_LINES non-blank lines; never past the first page break
 * (two blank lines or more are not a page break: pages are joined by one blank line, so the
 * cap is by count).
 */
export function headerZoneLimit(lines: Line[]): number {
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.text) continue;
    if (seen >= 2 && opensBody(l)) return i;
    seen++;
    if (seen >= HEADER_MAX_LINES) return i + 1;
  }
  return lines.length;
}

/**
 * Where the document ends when another document follows it (an attached draft with its own
 * header and signer, a copy's header): the first motto line after the body's start that comes
 * after a "Nơi nhận" or a signing capacity, moved up over the attachment's issuer lines (caps
 * directly above it, after a blank). `lines.length` when nothing is attached.
 */
export function documentEnd(lines: Line[], bodyFrom: number): number {
  let signed = false;
  for (let i = bodyFrom; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.text) continue;
    if (/(?:^|\s)n[o0]i\s*nh[a-z]{1,2}n\b|^(?:t\s*[/.]?\s*m|k\s*[/.]?\s*t|t\s*[/.]?\s*l)[.\s]/.test(l.fold)) signed = true;
    if (!signed || !(mottoOn(l, PARTY_MOTTO, 0.25) || mottoOn(l, STATE_MOTTO, 0.25))) continue;
    let start = i;
    for (let k = i - 1; k >= Math.max(bodyFrom, i - 3); k--) {
      const p = lines[k]!;
      if (!p.text) break;
      if (upperShare(p.text) < 0.8) return i;
      start = k;
    }
    // The caps run above the motto is the attachment's issuer only when a blank line sets it apart.
    return start > 0 && !lines[start - 1]!.text ? start : i;
  }
  return lines.length;
}
