import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { can, type Permission } from '../../shared/permissions';
import type { AccountState, LoginResponse, SessionUser } from '../../shared/schemas/auth';
import { api, onUnauthorized, setCsrfToken } from './api';

type SessionState =
  | { status: 'loading'; user: null }
  | { status: 'anonymous'; user: null; endedBy: 'logout' | 'expired' | 'none' }
  | { status: 'authenticated'; user: SessionUser; account: AccountState };

export interface LoginExtras {
  /** the authenticator app's code or a recovery code (after MFA_REQUIRED) */
  code?: string;
  /** "remember this device": a persistent cookie */
  remember?: boolean;
}

interface SessionContextValue {
  state: SessionState;
  login(username: string, password: string, extras?: LoginExtras): Promise<SessionUser>;
  logout(): Promise<void>;
  /** re-reads the account state (after a password change or the MFA set-up) */
  refresh(): Promise<void>;
  /** forgets the session without asking the server (it was ended there already) */
  forget(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * The first look at the session starts with the app's code, not after its first render: every page of a
 * signed-in user waits for it. Taken once by the provider (a later mount asks again); a failure is
 * handled there (the catch here only keeps it from counting as unhandled before that).
 */
let firstCheck: Promise<LoginResponse> | null =
  typeof window === 'undefined' ? null : api.get<LoginResponse>('/api/auth/me');
firstCheck?.catch(() => undefined);
/** That first look, for code that can start before the first render once it knows the user (ReportRoute). */
export const firstSessionCheck = firstCheck;

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'loading', user: null });

  const end = useCallback(
    (endedBy: 'logout' | 'expired' | 'none') => {
      setCsrfToken(null);
      queryClient.clear();
      setState({ status: 'anonymous', user: null, endedBy });
    },
    [queryClient],
  );

  useEffect(() => {
    onUnauthorized(() => end('expired'));
    let cancelled = false;
    const check = firstCheck ?? api.get<LoginResponse>('/api/auth/me');
    firstCheck = null;
    check
      .then((res) => {
        if (cancelled) return;
        setCsrfToken(res.csrfToken);
        setState({ status: 'authenticated', user: res.user, account: res.account });
      })
      .catch(() => {
        if (!cancelled) end('none');
      });
    return () => {
      cancelled = true;
      onUnauthorized(null);
    };
  }, [end]);

  const login = useCallback(
    async (username: string, password: string, extras: LoginExtras = {}) => {
      const res = await api.post<LoginResponse>('/api/auth/login', { username, password, ...extras });
      queryClient.clear();
      setCsrfToken(res.csrfToken);
      setState({ status: 'authenticated', user: res.user, account: res.account });
      return res.user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      end('logout');
    }
  }, [end]);

  const refresh = useCallback(async () => {
    const res = await api.get<LoginResponse>('/api/auth/me');
    setCsrfToken(res.csrfToken);
    setState({ status: 'authenticated', user: res.user, account: res.account });
  }, []);
  const forget = useCallback(() => end('logout'), [end]);

  const value = useMemo(
    () => ({ state, login, logout, refresh, forget }),
    [state, login, logout, refresh, forget],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for components below the authentication guard. */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useUser without a session');
  return state.user;
}

/** The signed-in account's second factor and pending steps; only below the authentication guard. */
export function useAccount(): AccountState {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useAccount without a session');
  return state.account;
}

export function useCan(): (permission: Permission) => boolean {
  const { state } = useSession();
  return useCallback(
    (permission: Permission) => state.status === 'authenticated' && can(state.user.role, permission),
    [state],
  );
}
