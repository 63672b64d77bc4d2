import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Active/inactive as a filled badge: dark shades for AA contrast, and never cut to an ellipsis. */
export function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={active ? 'teal.9' : 'gray.7'} style={{ minWidth: 'max-content' }}>
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}
