/** The exchange's use cases in one place: this office's identity, the partners directory, sending and receiving. */
import { ConflictError, ValidationError } from '../../platform/errors';
import type { Caller } from '../../platform/security';
import type { Partner } from '../domain/model';
import type { ExchangeDeps } from './deps';
import { Receiving } from './receiving';
import { Sending } from './sending';

export class Exchange {
  readonly sending: Sending;
  readonly receiving: Receiving;
  constructor(private readonly d: ExchangeDeps) {
    this.sending = new Sending(d);
    this.receiving = new Receiving(d, this.sending);
  }

  /** What a partner enters in its directory: id, name, endpoint and the signing certificate (PEM). */
  async identity() {
    const self = this.d.self();
    return { id: self.id, name: self.name, endpoint: self.endpoint, certificate: await this.d.seal.certificate() };
  }

  async partners(): Promise<{ items: Partner[] }> {
    const items = await this.d.store.partners();
    return { items: items.sort((a, b) => a.id.localeCompare(b.id)) };
  }

  /** What the clerk's send dialog needs of each partner: id, name, encrypted channel (no endpoint, no certificate). */
  async recipients(): Promise<{ items: Pick<Partner, 'id' | 'name' | 'encryptedChannel'>[] }> {
    const { items } = await this.partners();
    return { items: items.map(({ id, name, encryptedChannel }) => ({ id, name, encryptedChannel })) };
  }

  /** 201; 409 when the id is taken; 400 for a certificate messages cannot be checked with. */
  async addPartner(p: Partner, ctx: { actor: Caller; requestId?: string }): Promise<Partner> {
    if (p.id === this.d.self().id) throw new ValidationError('Không thêm chính văn phòng này làm đơn vị liên thông (that is this office)', [{ path: 'id', message: 'this office' }]);
    if (!(await this.d.usableCertificate(p.certificate))) throw new ValidationError('Chứng thư số không đọc được (RSA hoặc P-256, PEM) (unusable certificate)', [{ path: 'certificate', message: 'not an RSA or P-256 X.509 certificate in PEM' }]);
    const audit = this.d.audit.prepare({ actor: ctx.actor, action: 'exchange.partner.added', entityType: 'exchange-partner', entityId: p.id, before: null, after: { ...p, certificate: `${p.certificate.length} chars` }, ...(ctx.requestId ? { requestId: ctx.requestId } : {}) });
    if (!(await this.d.store.addPartner(p, [audit.transactItem]))) throw new ConflictError(`Đã có đơn vị liên thông ${p.id} (partner exists)`, [], 'PARTNER_EXISTS');
    return p;
  }
}
