/** What every page of a signed-in person has: the API client, who they are (GET /v1/me) and sign-out. */
import { createContext, useContext } from 'react';
import type { Api, Me } from './api/client';

export interface Session {
  api: Api;
  me: Me;
  /** The person's name from the ID token (Cognito's `name` attribute), else their user name. */
  displayName: string;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in console');
  return s;
}
