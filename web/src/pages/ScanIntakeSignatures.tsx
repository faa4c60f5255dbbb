/**
 * The digital signatures (chữ ký số) of a received PDF, as the OCR worker verified them: each
 * signer with its state, and a warning the clerk cannot miss when a signature is not intact (the
 * file was changed after signing) or its certificate does not lead to a root the office trusts.
 * The register entry keeps the same state in its note (the API writes it when registering).
 */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { formatDateTime } from '../format';
import type { components } from '../api/schema';

export type ScanSignature = components['schemas']['ScanSignature'];

const who = (s: ScanSignature) => (s.signer ? `${s.signer}${s.organisation && s.organisation !== s.signer ? ` (${s.organisation})` : ''}` : 'Không rõ người ký');

const CHAIN_TEXT: Record<ScanSignature['chain'], string> = {
  trusted: 'chứng thư số được tin cậy',
  'untrusted-root': 'chứng thư số không do tổ chức được tin cậy cấp',
  invalid: 'chứng thư số không hợp lệ',
};

function Warnings({ signatures }: { signatures: ScanSignature[] }) {
  const broken = signatures.filter((s) => !s.intact);
  const untrusted = signatures.filter((s) => s.intact && s.chain !== 'trusted');
  return (
    <>
      {broken.length > 0 && (
        <Alert type="error" header="Chữ ký số không nguyên vẹn: văn bản có thể đã bị sửa sau khi ký">
          {`Chữ ký của ${broken.map(who).join(', ')} không khớp với nội dung tệp (tệp bị thay đổi sau khi ký hoặc chữ ký bị hỏng). Không coi tệp này là bản gốc hợp lệ; đề nghị liên hệ cơ quan gửi để nhận lại văn bản.`}
        </Alert>
      )}
      {untrusted.length > 0 && (
        <Alert type="warning" header="Chứng thư số chưa được tin cậy">
          {`Chứng thư số của ${untrusted.map(who).join(', ')} ${untrusted.some((s) => s.chain === 'invalid') ? 'không hợp lệ vào thời điểm ký hoặc ' : ''}không do tổ chức chứng thực mà Văn phòng tin cậy cấp (như Ban Cơ yếu Chính phủ). Hãy kiểm tra nguồn gốc văn bản trước khi vào sổ.`}
        </Alert>
      )}
    </>
  );
}

export function ScanSignatures({ signatures }: { signatures: ScanSignature[] | null | undefined }) {
  if (!signatures) return null;
  if (!signatures.length) return <Box color="text-body-secondary">Tệp PDF không có chữ ký số.</Box>;
  return (
    <section aria-label="Chữ ký số trên văn bản">
      <SpaceBetween size="xs">
        <Warnings signatures={signatures} />
        <Box variant="h3">Chữ ký số ({signatures.length})</Box>
        <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
          {signatures.map((s, i) => (
            <li key={i} data-signature-state={s.intact && s.chain === 'trusted' ? 'ok' : s.intact ? 'untrusted' : 'broken'}>
              <StatusIndicator type={!s.intact ? 'error' : s.chain === 'trusted' ? 'success' : 'warning'}>{who(s)}</StatusIndicator>
              <Box variant="small" display="block">
                {[s.signedAt ? `ký lúc ${formatDateTime(s.signedAt)}` : null, s.intact ? 'nguyên vẹn' : 'KHÔNG nguyên vẹn', CHAIN_TEXT[s.chain], s.coversWholeDocument ? 'bao trùm toàn bộ tệp' : 'tệp có thêm nội dung sau chữ ký này', s.revocation?.status === 'not-checked' ? 'chưa kiểm tra chứng thư số có bị thu hồi không (máy chủ không kết nối mạng)' : null].filter(Boolean).join(' · ')}
              </Box>
            </li>
          ))}
        </ul>
      </SpaceBetween>
    </section>
  );
}
