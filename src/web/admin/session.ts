import { createContext, useContext } from 'react';
import type { Role, User } from '../types.js';

export interface Session {
  user: User;
  logout: () => Promise<void>;
  /** After a password change: the renewed user and CSRF token. */
  renew: (user: User, csrfToken: string) => void;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside of a logged-in page');
  return session;
}

/** What the UI shows; the server enforces the same rules anyway (docs/api.md, Roles). */
export const permissions = {
  manageUsers: (role: Role) => role === 'admin',
  manageSurveys: (role: Role) => role === 'admin',
  manageTerritories: (role: Role) => role === 'admin',
  createCampaign: (role: Role) => role === 'admin',
  editCampaign: (role: Role) => role === 'admin',
  editStructures: (role: Role) => role !== 'viewer',
  // The server reserves registry imports to administrators (structure-import.ts: access 'admin').
  importRegistry: (role: Role) => role === 'admin',
  remind: (role: Role) => role !== 'viewer',
};
