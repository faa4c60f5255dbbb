/** The registers' answer to the scan reader's cross-check (ports/register-numbers.ts), through their public surface. */
import type { Registers } from '../../registers';
import type { RegisterNumbers } from '../ports/register-numbers';

export class RegistersNumbers implements RegisterNumbers {
  constructor(private readonly registers: Pick<Registers, 'incomingNumberTaken'>) {}

  takenByAnotherLetter(letter: { numberSymbol: string; documentDate: string }): Promise<boolean> {
    return this.registers.incomingNumberTaken(letter);
  }
}
