/**
 * The words the extractor looks for (domain.md a, d, f). Configuration, not logic: an
 * administrator may add type names or titles; `ExtractVocabulary` is what extract() takes.
 */
import type { Secrecy } from '../identity';
import type { Urgency } from '../deadlines';

export interface DocumentTypeName {
  /** The tên loại as printed (title case). */
  name: string;
  /** Its code in a Party symbol. */
  partyCode: string;
  /** Other codes the same tên loại carries (Quy định: QĐi at the Centre, QĐ since 399). */
  altCodes?: string[];
  /** Its code in a State symbol, when different. */
  stateCode?: string;
}

/** Tên loại → code (66 Đ4 / 399 order, then the administrative papers). */
export const DOCUMENT_TYPES: readonly DocumentTypeName[] = [
  { name: 'Nghị quyết', partyCode: 'NQ' },
  { name: 'Quyết định', partyCode: 'QĐ' },
  { name: 'Chỉ thị', partyCode: 'CT' },
  { name: 'Kết luận', partyCode: 'KL' },
  { name: 'Quy chế', partyCode: 'QC' },
  { name: 'Quy định', partyCode: 'QĐi', altCodes: ['QĐ'], stateCode: 'QĐ' },
  { name: 'Thông tri', partyCode: 'TT' },
  { name: 'Hướng dẫn', partyCode: 'HD' },
  { name: 'Thông báo', partyCode: 'TB' },
  { name: 'Thông cáo', partyCode: 'TC' },
  { name: 'Tuyên bố', partyCode: 'TBo' },
  { name: 'Lời kêu gọi', partyCode: 'LKG' },
  { name: 'Báo cáo', partyCode: 'BC' },
  { name: 'Kế hoạch', partyCode: 'KH' },
  { name: 'Quy hoạch', partyCode: 'QH' },
  { name: 'Chương trình', partyCode: 'CTr' },
  { name: 'Đề án', partyCode: 'ĐA' },
  { name: 'Phương án', partyCode: 'PA' },
  { name: 'Dự án', partyCode: 'DA' },
  { name: 'Tờ trình', partyCode: 'TTr' },
  { name: 'Biên bản', partyCode: 'BB' },
  { name: 'Giấy mời', partyCode: 'GM' },
  { name: 'Giấy giới thiệu', partyCode: 'GGT' },
  { name: 'Giấy chứng nhận', partyCode: 'GCN' },
  { name: 'Giấy đi đường', partyCode: 'GĐĐ' },
  { name: 'Giấy nghỉ phép', partyCode: 'GNP' },
  { name: 'Phiếu chuyển', partyCode: 'PC' },
  { name: 'Phiếu gửi', partyCode: 'PG' },
  { name: 'Thư công', partyCode: 'TC' },
  { name: 'Bản sao', partyCode: 'BS' },
  { name: 'Sao y', partyCode: 'BS' },
  { name: 'Trích sao', partyCode: 'BS' },
  { name: 'Sao lục', partyCode: 'BS' },
  // State documents (NĐ 30)
  { name: 'Nghị định', partyCode: 'NĐ' },
  { name: 'Thông tư', partyCode: 'TT' },
  { name: 'Công điện', partyCode: 'CĐ' },
  { name: 'Hợp đồng', partyCode: 'HĐ' },
  { name: 'Công văn', partyCode: 'CV' },
];

export const SECRECY_STAMPS: readonly { words: string; value: Secrecy }[] = [
  // Longest first: "TỐI MẬT" and "TUYỆT MẬT" contain "MẬT".
  { words: 'tuyet mat', value: 'tuyet-mat' },
  { words: 'toi mat', value: 'toi-mat' },
  { words: 'mat', value: 'mat' },
];

export const URGENCY_STAMPS: readonly { words: string; value: Urgency }[] = [
  { words: 'thuong khan', value: 'thuong-khan' },
  { words: 'hoa toc', value: 'hoa-toc' },
  { words: 'khan', value: 'khan' },
];

/** Signing capacities (thể thức ký), folded with the slash kept: T/M, K/T, T/L, T/UQ and the State dotted forms. */
export const SIGNING_CAPACITIES: readonly { pattern: RegExp; printed: string }[] = [
  { pattern: /^t\s*[/|l1]\s*u\s*q\.?$|^tuq\.?$/, printed: 'T/UQ' },
  { pattern: /^t\s*[/|l1]\s*m\.?$|^tm\.$/, printed: 'T/M' },
  { pattern: /^k\s*[/|l1]\s*t\.?$|^kt\.$/, printed: 'K/T' },
  { pattern: /^t\s*[/|]\s*l\.?$|^tl\.$/, printed: 'T/L' },
];

/** Words a signer's title (chức vụ) is made of; a caps run of these ends the signing block's title line. */
export const TITLE_WORDS: readonly string[] = [
  'bi thu', 'pho bi thu', 'truong ban', 'pho truong ban', 'chanh van phong', 'pho chanh van phong', 'chu nhiem', 'pho chu nhiem',
  'chu tich', 'pho chu tich', 'giam doc', 'pho giam doc', 'uy vien', 'thuong truc', 'truong phong', 'pho truong phong', 'thu truong',
  'bo truong', 'thu ky', 'chanh an', 'vien truong', 'tong bien tap', 'hieu truong', 'pho ban', 'bi thu chi bo',
];

/** Vietnamese family names (folded), to recognise the signer's name line. Not exhaustive: a boost, not a gate. */
export const FAMILY_NAMES: readonly string[] = [
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong', 'ly', 'mai',
  'luc', 'dinh', 'lam', 'trinh', 'truong', 'dao', 'doan', 'cao', 'luong', 'lai', 'ha', 'ta', 'quach', 'thai', 'kieu', 'chu',
  'nong', 'lo', 'ma', 'vi', 'ton', 'tang', 'to', 'trieu', 'luu', 'khuat', 'hua', 'giang', 'dam', 'tieu', 'la', 'van', 'au',
  'bach', 'banh', 'bien', 'cam', 'chau', 'chung', 'dau', 'diep', 'dong', 'gia', 'han', 'hau', 'hong', 'khong', 'khuc', 'kim',
  'lang', 'lieu', 'lu', 'man', 'mac', 'ninh', 'nghiem', 'ong', 'phi', 'phung', 'quan', 'sam', 'son', 'tao', 'thach', 'than',
  'thieu', 'tong', 'tu', 'ung', 'vuong', 'xa', 'y', 'yen', 'giap', 'lanh', 'hoa', 'nham', 'o', 'doi', 'long', 'vy',
];

/** The motto lines of the two systems (folded). */
export const PARTY_MOTTO = 'dang cong san viet nam';
export const STATE_MOTTO = 'cong hoa xa hoi chu nghia viet nam';
export const STATE_MOTTO_2 = 'doc lap tu do hanh phuc';

export interface ExtractVocabulary {
  types: readonly DocumentTypeName[];
  titleWords: readonly string[];
  familyNames: readonly string[];
}

export const DEFAULT_VOCABULARY: ExtractVocabulary = { types: DOCUMENT_TYPES, titleWords: TITLE_WORDS, familyNames: FAMILY_NAMES };
