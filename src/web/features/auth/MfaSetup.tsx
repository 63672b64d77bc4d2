import { Alert, Button, Code, Group, Image, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MfaSetup as MfaSetupAnswer } from '../../../shared/schemas/auth';
import { ApiError, api } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { qrDataUrl } from './qr';

/** The secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/** Recovery codes, shown once after the set-up. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert
        color="green.9"
        variant="outline"
        title={t('account.mfa.enabled')}
        // green text on white stays under 4.5:1 at this size: the title in the text colour
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
      >
        {t('account.mfa.recoveryText')}
      </Alert>
      <Title order={3} size="h4">
        {t('account.mfa.recoveryTitle')}
      </Title>
      <List data-testid="recovery-codes" spacing={4}>
        {codes.map((c) => (
          <List.Item key={c}>
            <Code fz="md">{c}</Code>
          </List.Item>
        ))}
      </List>
      <Group>
        <Button onClick={onDone}>{t('account.mfa.done')}</Button>
      </Group>
    </Stack>
  );
}

/** Set-up of the second factor: QR code and secret, a first code from the app, then the recovery codes. */
export function MfaSetup({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<MfaSetupAnswer | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  const start = useMutation({
    mutationFn: () => api.post<MfaSetupAnswer>('/api/auth/mfa/setup'),
    onSuccess: setSetup,
  });
  const enable = useMutation({
    mutationFn: () => api.post<{ recoveryCodes: string[] }>('/api/auth/mfa/enable', { code }),
    onSuccess: (res) => setRecoveryCodes(res.recoveryCodes),
    onError: (error) => {
      if (error instanceof ApiError && error.fieldIssues[0]) setCodeError(error.fieldIssues[0].message);
    },
  });

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={onDone} />;
  if (!setup) {
    return (
      <Stack align="flex-start">
        <ErrorAlert error={start.error} />
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {t('account.mfa.start')}
        </Button>
      </Stack>
    );
  }
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setCodeError(null);
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      setCodeError(t('account.mfa.codeFormat'));
      return;
    }
    enable.mutate();
  };
  return (
    <Paper withBorder p="lg" radius="md" maw={560}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text>{t('account.mfa.step1')}</Text>
          <Image src={qrDataUrl(setup.otpauthUrl)} alt={t('account.mfa.qrAlt')} w={220} h={220} />
          <Stack gap={2}>
            <Text size="sm" fw={700}>
              {t('account.mfa.secret')}
            </Text>
            <Code fz="md" data-testid="mfa-secret" data-secret={setup.secret}>
              {grouped(setup.secret)}
            </Code>
          </Stack>
          <Text>{t('account.mfa.step2')}</Text>
          <TextInput
            label={t('account.mfa.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            maw={220}
            value={code}
            error={codeError}
            onChange={(e) => setCode(e.currentTarget.value)}
          />
          {enable.error && !codeError ? <ErrorAlert error={enable.error} /> : null}
          <Group>
            <Button type="submit" loading={enable.isPending}>
              {t('account.mfa.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
