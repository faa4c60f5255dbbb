/**
 * What issuance needs of the registers: the outgoing number of a draft, taken once per draft
 * (the idempotency key makes a retried issuance get the same number back). The registers'
 * RegisterStore answers it (`allocateOutgoing`).
 */
import type { Caller } from '../../platform/security';
import type { OutgoingRequest } from '../domain/transitions';

export interface OutgoingRegister {
  allocateOutgoing(input: OutgoingRequest, ctx: { actor: Caller; idempotencyKey: string }): Promise<{ entry: { id: string; numberSymbol: string } }>;
}
