/** The office's letters and people as assignments read them: the registers' entries (clearance applied there) and the user directory. */
import type { Registers } from '../../registers';
import type { UserDirectory } from '../../identity';
import type { DomainConfig } from '../../office';
import type { Letters, People } from '../ports/office-records';

export function registerLetters(registers: () => Registers): Letters {
  return {
    incoming: async (id, caller) => {
      const e = await registers().getIncoming(id, caller);
      return { id: e.id, arrivalNumber: e.arrivalNumber, arrivalDate: e.arrivalDate, issuer: e.issuer, numberSymbol: e.numberSymbol, documentDate: e.documentDate, typeName: e.typeName, subject: e.subject, secrecy: e.secrecy, urgency: e.urgency, dueDate: e.dueDate };
    },
    outgoing: async (id, caller) => {
      const e = await registers().getOutgoing(id, caller);
      return { id: e.id, numberSymbol: e.numberSymbol };
    },
  };
}

/** People from the directory; departments are the configured issuing bodies' codes and the people's own. */
export function directoryPeople(users: () => UserDirectory, config: () => DomainConfig): People {
  return {
    get: async (username) => users().get(username),
    members: async (dept) => (await users().list()).filter((u) => u.enabled && u.dept === dept),
    departments: async () => new Set([...config().issuingBodies.map((b) => b.code), ...(await users().list()).flatMap((u) => (u.dept ? [u.dept] : []))]),
  };
}
