import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { can, type Permission } from '../../shared/permissions';
import type { LoginResponse, SessionUser } from '../../shared/schemas/auth';
import { api, onUnauthorized, setCsrfToken } from './api';

type SessionState =
  | { status: 'loading'; user: null }
  | { status: 'anonymous'; user: null; endedBy: 'logout' | 'expired' | 'none' }
  | { status: 'authenticated'; user: SessionUser };

interface SessionContextValue {
  state: SessionState;
  login(username: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

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
    api
      .get<LoginResponse>('/api/auth/me')
      .then((res) => {
        if (cancelled) return;
        setCsrfToken(res.csrfToken);
        setState({ status: 'authenticated', user: res.user });
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
    async (username: string, password: string) => {
      const res = await api.post<LoginResponse>('/api/auth/login', { username, password });
      queryClient.clear();
      setCsrfToken(res.csrfToken);
      setState({ status: 'authenticated', user: res.user });
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

  const value = useMemo(() => ({ state, login, logout }), [state, login, logout]);
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

export function useCan(): (permission: Permission) => boolean {
  const { state } = useSession();
  return useCallback(
    (permission: Permission) => state.status === 'authenticated' && can(state.user.role, permission),
    [state],
  );
}
