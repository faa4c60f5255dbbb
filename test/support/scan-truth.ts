/** The handbook scans' ground truth in the API's terms: secrecy and urgency slugs, and the register fields. */
import type { ScanFields } from '../../shared/scans/domain/model';

/** Ground-truth stamp names → the slugs of api.md. */
export const SECRECY_SLUG: Record<string, string> = { 'Mật': 'mat', 'Tối mật': 'toi-mat', 'Tuyệt mật': 'tuyet-mat' };
export const URGENCY_SLUG: Record<string, string> = { 'Khẩn': 'khan', 'Thượng khẩn': 'thuong-khan', 'Hỏa tốc': 'hoa-toc', 'Hoả tốc': 'hoa-toc' };

interface RegisterTruth {
  numberSymbol: string;
  typeCode: string;
  issuerCode: string;
  date: string;
  secrecy: string | null;
  urgency: string | null;
}

/** The register fields a scan's ground truth gives. */
export const truthRegisterFields = (t: RegisterTruth) => ({
  numberSymbol: t.numberSymbol,
  typeCode: t.typeCode,
  issuerCode: t.issuerCode,
  documentDate: t.date,
  secrecy: t.secrecy ? SECRECY_SLUG[t.secrecy] : null,
  urgency: t.urgency ? URGENCY_SLUG[t.urgency] : null,
});

/** The same fields as the extractor read them. */
export const readRegisterFields = (fields: ScanFields) => ({
  numberSymbol: fields.numberSymbol.value,
  typeCode: fields.typeCode.value,
  issuerCode: fields.issuerCode.value,
  documentDate: fields.documentDate.value,
  secrecy: fields.secrecy.value,
  urgency: fields.urgency.value,
});
