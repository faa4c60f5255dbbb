/**
 * The printable register of a year as the API makes it (GET /v1/registers/{register}/export:
 * XLSX for A4 landscape, or CSV), downloaded with the person's token and saved under the name the
 * API gives (Content-Disposition).
 */
import { useState } from 'react';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import type { Api } from '../api/client';
import { useSession } from '../session';
import { showError } from '../errors';
import { attachmentName } from '../download';
import { saveBlob } from '../save-file';

export async function downloadRegister(api: Api, register: 'incoming' | 'outgoing', year: number, format: 'xlsx' | 'csv'): Promise<void> {
  const r = await api.GET('/v1/registers/{register}/export', { params: { path: { register }, query: { year, format } }, parseAs: 'blob' });
  if (!r.response.ok || !r.data) {
    let body;
    try {
      body = await r.response.clone().json();
    } catch {
      body = undefined;
    }
    throw new Error(showError(r.response.status, (r.error as never) ?? body).summary);
  }
  const name = attachmentName(r.response.headers.get('content-disposition'), `so-van-ban-${register === 'incoming' ? 'den' : 'di'}-${year}.${format}`);
  saveBlob(r.data as unknown as Blob, name);
}

export function RegisterExports({ register, year, onError }: { register: 'incoming' | 'outgoing'; year: string; onError(message: string | null): void }) {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const y = Number(year) || Number(new Date().getFullYear());
  return (
    <ButtonDropdown
      loading={busy}
      ariaLabel={`Tải sổ năm ${y}`}
      items={[
        { id: 'xlsx', text: `Tải sổ năm ${y} (Excel, in khổ A4 ngang)` },
        { id: 'csv', text: `Tải sổ năm ${y} (CSV)` },
      ]}
      onItemClick={(e) => {
        setBusy(true);
        onError(null);
        downloadRegister(api, register, y, e.detail.id as 'xlsx' | 'csv')
          .catch((err: Error) => onError(err.message || 'Không tải được sổ.'))
          .finally(() => setBusy(false));
      }}
    >
      Tải sổ
    </ButtonDropdown>
  );
}
