import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';

/** Shows an error with its message and the request id the support needs to find it in the log. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const message =
    apiError?.code === 'NETWORK'
      ? t('errors.network')
      : (apiError?.message ?? (error instanceof Error ? error.message : t('errors.unknown')));
  return (
    <Alert
      color="red"
      variant="outline"
      title={title ?? t('errors.title')}
      role="alert"
      classNames={{ title: 'q-alert-title' }}
    >
      <Text size="sm">{message}</Text>
      {apiError?.requestId ? (
        <Text size="sm" mt={4}>
          {t('errors.requestId', { id: apiError.requestId })}
        </Text>
      ) : null}
    </Alert>
  );
}
