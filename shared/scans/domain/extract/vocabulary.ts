/**
 * The words the extractor looks for (domain.md a, d, f). Configuration, not logic: an
 * administrator may add type names or titles; `ExtractVocabulary` is what extract() takes.
 */
import type { Secrecy } from '../../../platform/security';
import type { Urgency } from '../../../office';
import { foldDiacritics } from '../../../platform/text/vietnamese';

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
  { pattern: /^t\s*[/|l1]\s*m\.?$|^tm\.?$/, printed: 'T/M' },
  { pattern: /^k\s*[/|l1]\s*t\.?$|^kt\.?$/, printed: 'K/T' },
  { pattern: /^t\s*[/|]\s*l\.?$|^tl\.?$/, printed: 'T/L' },
];

/** Signers' titles (chức vụ) as printed, caps with their marks; OCR readings are matched to these. */
export const SIGNER_TITLES: readonly string[] = [
  'BÍ THƯ', 'PHÓ BÍ THƯ', 'BÍ THƯ CHI BỘ', 'PHÓ BÍ THƯ THƯỜNG TRỰC', 'TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN THƯỜNG TRỰC',
  'CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', 'CHỦ NHIỆM', 'PHÓ CHỦ NHIỆM', 'CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC',
  'ỦY VIÊN', 'THƯỜNG TRỰC', 'TRƯỞNG PHÒNG', 'PHÓ TRƯỞNG PHÒNG', 'THỦ TRƯỞNG', 'BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'THƯ KÝ', 'CHÁNH ÁN',
  'VIỆN TRƯỞNG', 'TỔNG BIÊN TẬP', 'HIỆU TRƯỞNG', 'PHÓ BAN', 'TRƯỞNG ĐOÀN', 'TỔ TRƯỞNG', 'CHỦ TỌA',
  // State heads (NĐ 30): the Government's, a ministry's bodies', an inspectorate's.
  'THỦ TƯỚNG', 'PHÓ THỦ TƯỚNG', 'CỤC TRƯỞNG', 'PHÓ CỤC TRƯỞNG', 'TỔNG CỤC TRƯỞNG', 'PHÓ TỔNG CỤC TRƯỞNG', 'VỤ TRƯỞNG',
  'PHÓ VỤ TRƯỞNG', 'CHÁNH THANH TRA', 'PHÓ CHÁNH THANH TRA', 'TỔNG GIÁM ĐỐC', 'PHÓ TỔNG GIÁM ĐỐC',
  // Courts, procuracies, the Front's and the unions' deputies.
  'PHÓ CHÁNH ÁN', 'PHÓ VIỆN TRƯỞNG', 'PHÓ CHỦ TỊCH THƯỜNG TRỰC',
  // The Central Committee's (T/M BỘ CHÍNH TRỊ, T/M BAN BÍ THƯ).
  'TỔNG BÍ THƯ', 'THƯỜNG TRỰC BAN BÍ THƯ',
];

/** Words a signer's title (chức vụ) is made of (folded); a caps run of these ends the signing block's title line. */
export const TITLE_WORDS: readonly string[] = SIGNER_TITLES.map((t) => foldDiacritics(t));

/**
 * Phrases of tên cơ quan and signing blocks, caps with their marks. Tesseract often misreads
 * the marks of bold capitals ("ĐÁNG BỘ TÍNH", "KHÔI"); a run of caps words that folds to one of
 * these (same letters, marks aside) is written with the right marks. Longest phrases win.
 * Single words are listed only when no other caps header word folds to them (QUẬN/QUÂN do).
 */
export const HEADER_PHRASES: readonly string[] = [
  'ĐẢNG CỘNG SẢN VIỆT NAM', 'BAN CHẤP HÀNH TRUNG ƯƠNG', 'BAN BÍ THƯ', 'BỘ CHÍNH TRỊ', 'TRUNG ƯƠNG', 'ĐẢNG BỘ', 'ĐẢNG ỦY',
  'ĐẢNG ỦY KHỐI', 'TỈNH ỦY', 'THÀNH ỦY', 'HUYỆN ỦY', 'QUẬN ỦY', 'QUÂN ỦY', 'QUÂN ỦY TRUNG ƯƠNG', 'ĐẢNG ỦY QUÂN SỰ', 'THỊ ỦY', 'CHI BỘ', 'ĐẢNG ĐOÀN', 'BAN CÁN SỰ ĐẢNG', 'BAN TỔ CHỨC',
  'BAN TUYÊN GIÁO', 'BAN DÂN VẬN', 'BAN TUYÊN GIÁO VÀ DÂN VẬN', 'BAN NỘI CHÍNH', 'BAN KINH TẾ', 'BAN CHÍNH SÁCH, CHIẾN LƯỢC',
  'VĂN PHÒNG', 'ỦY BAN KIỂM TRA', 'KHỐI', 'CÁC CƠ QUAN', 'CƠ QUAN', 'DOANH NGHIỆP', 'CÁC CƠ QUAN ĐẢNG', 'TỈNH', 'THÀNH PHỐ',
  'HUYỆN', 'THỊ XÃ', 'XÃ', 'PHƯỜNG', 'THỊ TRẤN', 'ĐẶC KHU', 'ỦY BAN NHÂN DÂN', 'HỘI ĐỒNG NHÂN DÂN', 'MẶT TRẬN TỔ QUỐC', 'SỞ NỘI VỤ',
  'BAN THƯỜNG VỤ', 'BAN CHẤP HÀNH', 'BAN CHỈ ĐẠO', 'THƯỜNG TRỰC', 'ĐẠI HỘI', 'ĐOÀN CHỦ TỊCH', 'ĐOÀN THƯ KÝ', ...SIGNER_TITLES,
  // State bodies and the mass organisations a Party office hears from (printed over their place).
  'CHÍNH PHỦ', 'THỦ TƯỚNG CHÍNH PHỦ', 'TÒA ÁN NHÂN DÂN', 'VIỆN KIỂM SÁT NHÂN DÂN', 'KHO BẠC NHÀ NƯỚC', 'BẢO HIỂM XÃ HỘI',
  'CỤC THUẾ', 'CÔNG AN', 'BỘ CHỈ HUY QUÂN SỰ', 'BỘ ĐỘI BIÊN PHÒNG', 'THANH TRA', 'KIỂM TOÁN NHÀ NƯỚC', 'ỦY BAN MTTQ VIỆT NAM',
  'ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM', 'HỘI LIÊN HIỆP PHỤ NỮ', 'HỘI NÔNG DÂN', 'HỘI CỰU CHIẾN BINH', 'LIÊN ĐOÀN LAO ĐỘNG',
  'TỈNH ĐOÀN', 'THÀNH ĐOÀN', 'HUYỆN ĐOÀN', 'ĐOÀN TNCS HỒ CHÍ MINH', 'BỘ TÀI CHÍNH', 'BỘ NỘI VỤ', 'BỘ Y TẾ', 'BỘ TƯ PHÁP',
  'BỘ CÔNG AN', 'BỘ QUỐC PHÒNG', 'BỘ NGOẠI GIAO', 'BỘ CÔNG THƯƠNG', 'BỘ XÂY DỰNG', 'BỘ GIÁO DỤC VÀ ĐÀO TẠO',
  'BỘ KHOA HỌC VÀ CÔNG NGHỆ', 'BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', 'BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH', 'SỞ TÀI CHÍNH', 'SỞ Y TẾ',
  'SỞ TƯ PHÁP', 'SỞ XÂY DỰNG', 'SỞ CÔNG THƯƠNG', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH', 'SỞ KẾ HOẠCH VÀ ĐẦU TƯ',
];

/**
 * Words of two or three syllables that run through Party documents' trích yếu and nơi nhận
 * (lower case, with their marks). OCR of a low-resolution or blurred scan misreads their small
 * marks ("tập thế", "tống kết", "chỉ bộ", "chuấn bị"); a run that spells one of these but for
 * its marks is written with the phrase's marks. Only phrases whose unmarked spelling means
 * nothing else in these documents are listed ("đề án" is not: "để an…"; nor "cơ quan": "có quan…",
 * nor "bảo vệ" alone: "báo về"; nor "bí mật" alone: "bị mất").
 */
export const TEXT_PHRASES: readonly string[] = [
  // bodies and organs
  'cấp ủy', 'chi bộ', 'chi ủy', 'đảng bộ', 'đảng ủy', 'đảng viên', 'đảng đoàn', 'tỉnh ủy', 'thành ủy', 'huyện ủy', 'quận ủy', 'thị ủy',
  'ban thường vụ', 'thường vụ', 'thường trực', 'ban chấp hành', 'ban chỉ đạo', 'ban cán sự', 'ủy ban', 'ủy viên', 'ủy ban kiểm tra',
  'ủy ban nhân dân', 'hội đồng nhân dân', 'mặt trận', 'tổ quốc', 'đoàn thể', 'văn phòng', 'ban tổ chức', 'ban tuyên giáo', 'dân vận',
  'nội chính', 'đại hội', 'đại biểu', 'hội nghị', 'nhiệm kỳ', 'trung ương', 'bộ chính trị', 'ban bí thư', 'đơn vị', 'trực thuộc',
  // kinds of documents and steps
  'nghị quyết', 'quyết định', 'chỉ thị', 'kết luận', 'quy chế', 'quy định', 'thông tri', 'hướng dẫn', 'thông báo', 'báo cáo',
  'kế hoạch', 'quy hoạch', 'chương trình', 'tờ trình', 'biên bản', 'giấy mời', 'giấy giới thiệu', 'công văn', 'văn bản', 'văn kiện',
  'dự thảo', 'góp ý', 'đề nghị', 'đề xuất', 'phê duyệt', 'ban hành', 'triển khai', 'thực hiện', 'tổ chức', 'chuẩn bị', 'tổng kết',
  'sơ kết', 'kiểm tra', 'giám sát', 'kiểm điểm', 'đánh giá', 'xếp loại', 'khen thưởng', 'thi đua', 'kỷ luật', 'kỷ niệm', 'tập thể',
  'cá nhân', 'thành tích', 'xuất sắc', 'tham mưu', 'giúp việc', 'lãnh đạo', 'chỉ đạo', 'điều hành', 'phối hợp', 'tăng cường',
  'nâng cao', 'chất lượng', 'hiệu quả', 'hiệu lực', 'đổi mới', 'phương thức', 'xây dựng', 'chỉnh đốn', 'củng cố', 'kiện toàn',
  'sắp xếp', 'tinh gọn', 'bộ máy', 'trong sạch', 'vững mạnh', 'học tập', 'làm theo', 'tư tưởng', 'đạo đức', 'phong cách',
  'hồ chí minh', 'sinh hoạt', 'chuyên đề', 'chế độ', 'làm việc', 'công tác', 'nhiệm vụ', 'giải pháp', 'mục tiêu', 'phương hướng',
  'tình hình', 'kết quả', 'năm học', 'đầu năm', 'cuối năm', 'tháng đầu năm', 'truyền thống', 'hoạt động', 'đội ngũ', 'cán bộ',
  'công chức', 'viên chức', 'đáp ứng', 'yêu cầu', 'tình hình mới', 'bồi dưỡng', 'đào tạo', 'luân chuyển', 'bổ nhiệm', 'giới thiệu',
  'ứng cử', 'bầu cử', 'nhân sự', 'chính trị', 'nội bộ', 'bảo vệ chính trị', 'bảo vệ bí mật', 'bí mật nhà nước', 'nhà nước',
  'văn thư', 'lưu trữ', 'tài liệu',
  'hồ sơ', 'chuyển đổi số', 'ứng dụng', 'công nghệ', 'thông tin', 'điện tử', 'cải cách', 'hành chính', 'thủ tục', 'kinh tế',
  'buổi làm việc', 'xã hội', 'quốc phòng', 'an ninh', 'phát triển', 'bền vững', 'tiếp công dân', 'khiếu nại', 'tố cáo', 'phòng, chống', 'tham nhũng',
  'lãng phí', 'tiêu cực', 'tài chính', 'ngân sách', 'đảng phí', 'thu, chi', 'để b/c', 'để biết', 'phối hợp thực hiện', 'lưu văn phòng',
  'như trên', 'các đồng chí', 'lãnh đạo văn phòng', 'các phòng', 'tuyên truyền', 'quán triệt', 'nghiên cứu', 'trọng tâm', 'trọng điểm',
  // "tỉnh", "huyện", "xã" (tính, tình, huyên…) only after the words that name their bodies
  'nhân dân tỉnh', 'nhân dân huyện', 'nhân dân xã', 'nhân dân thành phố', 'ủy ban nhân dân tỉnh', 'hội đồng nhân dân tỉnh',
  'các cơ quan tỉnh', 'đảng bộ tỉnh', 'ban thường vụ tỉnh ủy', 'thường trực tỉnh ủy', 'văn phòng tỉnh ủy',
  // State administration (UBND, sở): the words of their trích yếu
  'công bố', 'danh mục', 'quy trình', 'giải quyết', 'quản lý', 'đầu tư', 'nhà đầu tư', 'dự án', 'đất đai', 'giao đất', 'thu hồi đất',
  'sử dụng đất', 'mầm non', 'thị trấn', 'trật tự', 'an toàn', 'an toàn xã hội', 'chuyển hóa', 'địa bàn', 'bãi bỏ', 'sửa đổi', 'bổ sung',
  'sửa đổi, bổ sung', 'đăng ký', 'nội dung', 'kỳ họp', 'để thực hiện', 'vốn ngoài ngân sách', 'giao thông', 'vận tải', 'nông nghiệp',
  'nông thôn', 'y tế', 'giáo dục', 'tài nguyên', 'môi trường', 'xây dựng huyện', 'ban quản lý', 'chuẩn hóa',
  // "tỉnh" after the abbreviations of its bodies, and the province's anniversary ("kỷ niệm … năm thành lập tỉnh")
  'hđnd tỉnh', 'ubnd tỉnh', 'thành lập tỉnh',
  // "đề án" only where the words around it say so ("để an…" alone is another word)
  'phê duyệt đề án', 'xây dựng đề án', 'thực hiện đề án', 'triển khai đề án', 'đề án về', 'các đề án',
];

/** Provinces and centrally run cities (the 34 since 07/2025 and the former 63), as printed in caps. */
export const PROVINCES: readonly string[] = [
  'HÀ NỘI', 'HỒ CHÍ MINH', 'HẢI PHÒNG', 'ĐÀ NẴNG', 'CẦN THƠ', 'HUẾ', 'AN GIANG', 'BẮC NINH', 'CÀ MAU', 'CAO BẰNG', 'ĐẮK LẮK',
  'ĐIỆN BIÊN', 'ĐỒNG NAI', 'ĐỒNG THÁP', 'GIA LAI', 'HÀ TĨNH', 'HƯNG YÊN', 'KHÁNH HÒA', 'LAI CHÂU', 'LÂM ĐỒNG', 'LẠNG SƠN', 'LÀO CAI',
  'NGHỆ AN', 'NINH BÌNH', 'PHÚ THỌ', 'QUẢNG NGÃI', 'QUẢNG NINH', 'QUẢNG TRỊ', 'SƠN LA', 'TÂY NINH', 'THÁI NGUYÊN', 'THANH HÓA',
  'TUYÊN QUANG', 'VĨNH LONG', 'BÀ RỊA - VŨNG TÀU', 'BẠC LIÊU', 'BẮC GIANG', 'BẮC KẠN', 'BẾN TRE', 'BÌNH DƯƠNG', 'BÌNH ĐỊNH',
  'BÌNH PHƯỚC', 'BÌNH THUẬN', 'ĐẮK NÔNG', 'HÀ GIANG', 'HÀ NAM', 'HẢI DƯƠNG', 'HẬU GIANG', 'HÒA BÌNH', 'KIÊN GIANG', 'KON TUM',
  'LONG AN', 'NAM ĐỊNH', 'NINH THUẬN', 'PHÚ YÊN', 'QUẢNG BÌNH', 'QUẢNG NAM', 'SÓC TRĂNG', 'THÁI BÌNH', 'THỪA THIÊN HUẾ',
  'TIỀN GIANG', 'TRÀ VINH', 'VĨNH PHÚC', 'YÊN BÁI',
];

/**
 * Collective bodies that sign "T/M …" (36-HD: congress organs, the committee, its standing
 * board, UBKT, đảng đoàn, ban cán sự đảng, councils), folded. When a seal hides "T/M" the
 * capacity is inferred from one of these above the signer's title.
 */
export const COLLECTIVE_SIGNERS: readonly string[] = [
  'ban thuong vu', 'ban chap hanh', 'thuong truc', 'dang uy', 'chi uy', 'chi bo', 'uy ban kiem tra', 'dang doan',
  'ban can su dang', 'doan chu tich', 'doan thu ky', 'hoi dong', 'ban chi dao', 'tinh uy', 'thanh uy', 'huyen uy', 'quan uy',
  'thi uy', 'dang uy khoi', 'ban thuong vu tinh uy', 'ban thuong vu thanh uy', 'ban thuong vu huyen uy', 'uy ban nhan dan',
];

/** Titles of a Văn phòng head who signs "T/L" for the standing board (folded). */
export const OFFICE_HEAD_TITLES: readonly string[] = ['chanh van phong', 'pho chanh van phong'];

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
/** The Youth Union's (Đoàn TNCS Hồ Chí Minh), top right where the others stand: its letters follow the Party's form ("Số 245-CV/TĐTN-VP"). */
export const YOUTH_MOTTO = 'doan tncs ho chi minh';

export interface ExtractVocabulary {
  types: readonly DocumentTypeName[];
  titleWords: readonly string[];
  familyNames: readonly string[];
  /** Signers' titles as printed (caps with marks), for repairing OCR readings; default SIGNER_TITLES. */
  signerTitles?: readonly string[];
  /** Caps phrases whose marks OCR readings are repaired to; default HEADER_PHRASES + PROVINCES. */
  headerPhrases?: readonly string[];
  /**
   * Issuing-body codes in their printed spelling (the office's configuration): a code read
   * without its marks ("DH", "BCD") is given back as printed ("ĐH", "BCĐ").
   */
  bodyCodes?: readonly string[];
  /** Collective bodies that sign "T/M …" (folded); default COLLECTIVE_SIGNERS. */
  collectiveSigners?: readonly string[];
  /** Phrases of running text whose marks OCR readings are repaired to (trích yếu, nơi nhận); default TEXT_PHRASES. */
  textPhrases?: readonly string[];
}

export const DEFAULT_VOCABULARY: ExtractVocabulary = {
  types: DOCUMENT_TYPES,
  titleWords: TITLE_WORDS,
  familyNames: FAMILY_NAMES,
  signerTitles: SIGNER_TITLES,
  headerPhrases: [...HEADER_PHRASES, ...PROVINCES],
  collectiveSigners: COLLECTIVE_SIGNERS,
  textPhrases: TEXT_PHRASES,
};

/** The parts of the office's configuration (config/domain.json) the extractor reads. */
export interface VocabularyConfig {
  documentTypes: readonly { code: string; symbol?: string | undefined; name: string; aliases?: readonly string[] | undefined }[];
  issuingBodies: readonly {
    code: string;
    aliases?: readonly string[] | undefined;
    header: { superior?: string | undefined; name: string };
    signing: readonly { form: string; on?: string | undefined; titles: readonly string[] }[];
  }[];
}

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
const caps = (s: string): string => s.normalize('NFC').toUpperCase().trim();

/**
 * The default vocabulary extended with the office's configuration (domain.md: types, codes,
 * bodies and signing forms marked [P]/[U] are configuration): its tên loại and their codes
 * (printed symbol, aliases), its bodies' codes, header names, collectives and signers' titles.
 * Nothing of the defaults is removed: documents come in from other offices too.
 */
export function vocabularyFromConfig(config: VocabularyConfig, base: ExtractVocabulary = DEFAULT_VOCABULARY): ExtractVocabulary {
  const types = base.types.map((t) => ({ ...t, ...(t.altCodes ? { altCodes: [...t.altCodes] } : {}) }));
  for (const ct of config.documentTypes) {
    const codes = uniq([ct.code, ...(ct.symbol ? [ct.symbol] : []), ...(ct.aliases ?? [])]);
    const existing = types.find((t) => foldDiacritics(t.name) === foldDiacritics(ct.name));
    if (existing) {
      const have = [existing.partyCode, ...(existing.altCodes ?? []), ...(existing.stateCode ? [existing.stateCode] : [])];
      const extra = codes.filter((c) => !have.includes(c));
      if (extra.length) existing.altCodes = [...(existing.altCodes ?? []), ...extra];
    } else {
      const [first, ...rest] = codes;
      types.push({ name: ct.name, partyCode: first!, ...(rest.length ? { altCodes: rest } : {}) });
    }
  }
  const titles = uniq([...(base.signerTitles ?? SIGNER_TITLES), ...config.issuingBodies.flatMap((b) => b.signing.flatMap((s) => s.titles.map(caps)))]);
  const collectives = uniq([
    ...(base.collectiveSigners ?? COLLECTIVE_SIGNERS),
    ...config.issuingBodies.flatMap((b) => b.signing.filter((s) => s.form === 'T/M' && s.on).map((s) => foldDiacritics(s.on!).replace(/[^a-z0-9]+/g, ' ').trim())),
  ]);
  const phrases = uniq([
    ...(base.headerPhrases ?? [...HEADER_PHRASES, ...PROVINCES]),
    ...config.issuingBodies.flatMap((b) => [b.header.name, ...(b.header.superior ? [b.header.superior] : []), ...b.signing.flatMap((s) => (s.on ? [s.on] : []))].map(caps)),
    ...titles,
  ]);
  return {
    ...base,
    types,
    signerTitles: titles,
    titleWords: uniq([...base.titleWords, ...titles.map((t) => foldDiacritics(t))]),
    headerPhrases: phrases,
    collectiveSigners: collectives,
    bodyCodes: uniq([...(base.bodyCodes ?? []), ...config.issuingBodies.flatMap((b) => [b.code, ...(b.aliases ?? [])])]),
  };
}
