import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SessionInfo } from '../../../shared/schemas/auth';
import { api, request } from '../../app/api';
import { useSession } from '../../app/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';

/** "Firefox on Windows" from a user agent; the raw string stays in the title. */
export function deviceName(userAgent: string | null, unknown: string): string {
  if (!userAgent) return unknown;
  const browser =
    [
      ['Edg/', 'Edge'],
      ['Firefox/', 'Firefox'],
      ['Chrome/', 'Chrome'],
      ['Chromium/', 'Chromium'],
      ['Safari/', 'Safari'],
    ].find(([needle]) => userAgent.includes(needle))?.[1] ?? userAgent.slice(0, 40);
  const os =
    [
      ['Windows', 'Windows'],
      ['Android', 'Android'],
      ['iPhone', 'iOS'],
      ['iPad', 'iPadOS'],
      ['Mac OS', 'macOS'],
      ['Linux', 'Linux'],
    ].find(([needle]) => userAgent.includes(needle))?.[1] ?? null;
  return os ? `${browser} · ${os}` : browser;
}

/** The own sessions, with "log out everywhere" (this session included). */
export function SessionList() {
  const { t } = useTranslation();
  const { forget } = useSession();
  const navigate = useNavigate();
  const [confirm, setConfirm] = useState(false);
  const sessions = useQuery({
    queryKey: ['auth', 'sessions'],
    queryFn: () => api.get<SessionInfo[]>('/api/auth/sessions'),
  });
  const endAll = useMutation({
    mutationFn: () => request<void>('DELETE', '/api/auth/sessions'),
    onSuccess: () => {
      forget();
      navigate('/login', { replace: true });
    },
  });

  return (
    <Stack>
      <ErrorAlert error={sessions.error ?? endAll.error} />
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder data-testid="session-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('account.sessions.device')}</Table.Th>
              <Table.Th>{t('account.sessions.address')}</Table.Th>
              <Table.Th>{t('account.sessions.since')}</Table.Th>
              <Table.Th>{t('account.sessions.lastSeen')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(sessions.data ?? []).map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td title={s.userAgent ?? undefined}>
                  <Group gap="xs">
                    <Text size="sm">{deviceName(s.userAgent, t('account.sessions.unknown'))}</Text>
                    {s.current ? (
                      <Badge color="blue.9" variant="filled">
                        {t('account.sessions.current')}
                      </Badge>
                    ) : null}
                    {s.remember ? (
                      <Badge color="gray.8" variant="outline">
                        {t('account.sessions.remembered')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>{s.clientIp ?? t('account.sessions.unknown')}</Table.Td>
                <Table.Td>{formatDateTime(s.createdAt)}</Table.Td>
                <Table.Td>{formatDateTime(s.lastSeenAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button color="red.9" variant="outline" onClick={() => setConfirm(true)}>
          {t('account.sessions.endAll')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirm}
        title={t('account.sessions.confirmTitle')}
        message={t('account.sessions.confirmText')}
        confirmLabel={t('account.sessions.endAll')}
        loading={endAll.isPending}
        onConfirm={() => endAll.mutate()}
        onCancel={() => setConfirm(false)}
      />
    </Stack>
  );
}
