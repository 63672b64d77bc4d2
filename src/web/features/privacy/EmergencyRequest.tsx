import { Button, Checkbox, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { notifySuccess } from '../../ui/notify';
import { clockTime, useGrantEmergency } from './api';

interface Props {
  /** known on the household's page; without it the form asks for the case number */
  householdId?: string;
}

/**
 * Break-the-glass: a written reason (10–500 characters) and a confirmation, then the household opens
 * read-only. The server logs and reports it; this form only explains that.
 */
export function EmergencyRequest({ householdId }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const grant = useGrantEmergency();
  const [caseNumber, setCaseNumber] = useState('');
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const length = reason.trim().length;
  const reasonError = submitted && (length < 10 || length > 500) ? t('privacy.emergency.reasonLength') : null;
  const caseError = submitted && !householdId && !caseNumber.trim() ? t('validation.required') : null;
  const confirmError = submitted && !confirmed ? t('privacy.emergency.confirmRequired') : null;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (length < 10 || length > 500 || !confirmed || (!householdId && !caseNumber.trim())) return;
    grant.mutate(
      { householdId, caseNumber: householdId ? undefined : caseNumber.trim(), reason: reason.trim() },
      {
        onSuccess: (g) => {
          notifySuccess(t('privacy.emergency.granted', { time: clockTime(g.expiresAt) }));
          navigate(`/households/${g.householdId}`);
        },
      },
    );
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="emergency-request">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="emergency-request">
            {t('privacy.emergency.title')}
          </Title>
          <Text>{householdId ? t('privacy.emergency.explain') : t('privacy.emergency.pageIntro')}</Text>
          <ErrorAlert error={grant.error} />
          {householdId ? null : (
            <TextInput
              label={t('privacy.emergency.caseNumber')}
              required
              value={caseNumber}
              onChange={(e) => setCaseNumber(e.currentTarget.value)}
              error={caseError}
              maxLength={40}
            />
          )}
          <Textarea
            label={t('privacy.emergency.reason')}
            description={t('privacy.emergency.reasonHint')}
            required
            autosize
            minRows={3}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError}
          />
          <Checkbox
            label={t('privacy.emergency.confirm')}
            checked={confirmed}
            onChange={(e) => setConfirmed(e.currentTarget.checked)}
            error={confirmError}
          />
          <Group>
            <Button type="submit" color="red.9" loading={grant.isPending}>
              {t('privacy.emergency.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
