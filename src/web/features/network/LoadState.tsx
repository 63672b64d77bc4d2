import { Group, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** While a record loads: a named spinner, or the error (e.g. 404) once it failed. */
export function LoadState({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error) return <ErrorAlert error={error} />;
  return (
    <Group justify="center" p="xl">
      <Loader aria-label={t('common.loading')} />
    </Group>
  );
}
