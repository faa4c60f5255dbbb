/**
 * What the register keeps of a received PDF's signatures: a sentence in the entry's note (ghi
 * chú). The note is the column of the sổ văn bản đến that is printed and exported with the
 * entry, so the state of the electronic original (who signed it, whether it was changed after
 * signing, whether the certificate is one the office trusts) stays with the legal record of
 * arrival, in the clerk's language, without a field the registers' contract does not have.
 */
import { signatureDoubtful, type ScanSignature } from './model';

function stateOf(s: ScanSignature): string {
  if (s.signer === null && !s.intact) return 'chữ ký không đọc được';
  const intact = s.intact ? 'nguyên vẹn' : 'KHÔNG nguyên vẹn (tệp bị sửa sau khi ký hoặc chữ ký hỏng)';
  const chain = s.chain === 'trusted' ? 'chứng thư số được tin cậy' : s.chain === 'untrusted-root' ? 'chứng thư số không do tổ chức được tin cậy cấp' : 'chứng thư số không hợp lệ';
  return `${intact}, ${chain}`;
}

const who = (s: ScanSignature) => (s.signer ? `${s.signer}${s.organisation && s.organisation !== s.signer ? ` (${s.organisation})` : ''}` : 'không rõ người ký');

/** The full sentence: every signature, its signer and its state. Null for no signature (an unsigned PDF or an image). */
export function signatureNote(signatures: readonly ScanSignature[] | null | undefined): string | null {
  if (!signatures?.length) return null;
  return `Bản gốc điện tử có ${signatures.length} chữ ký số: ${signatures.map((s) => `${who(s)} – ${stateOf(s)}`).join('; ')}.`;
}

/** The short sentence when the full one does not fit the note. */
export function shortSignatureNote(signatures: readonly ScanSignature[]): string {
  const doubtful = signatures.filter(signatureDoubtful).length;
  return `Bản gốc điện tử có ${signatures.length} chữ ký số, ${doubtful ? `${doubtful} chữ ký cần lưu ý (không nguyên vẹn hoặc không được tin cậy)` : 'đều nguyên vẹn và được tin cậy'}; chi tiết trên bản quét.`;
}

/**
 * The entry's note: the clerk's words first, then the signatures' sentence (the full one, or the
 * short one, or none when even that does not fit `limit`: the clerk's words are never cut).
 */
export function noteWithSignatures(clerkNote: string | null | undefined, signatures: readonly ScanSignature[] | null | undefined, limit: number): string | null | undefined {
  const full = signatureNote(signatures);
  if (!full) return clerkNote;
  const own = clerkNote?.trim() ? clerkNote.trim() : '';
  const join = (s: string) => (own ? `${own}\n${s}` : s);
  for (const sentence of [full, shortSignatureNote(signatures!)]) if (join(sentence).length <= limit) return join(sentence);
  return clerkNote;
}
