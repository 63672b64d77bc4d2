import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { householdStatuses } from '../../../../shared/schemas/households';

type Status = (typeof householdStatuses)[number];

/** Dark shades only: white text on them keeps AA contrast. */
const colors: Record<Status, string> = {
  active: 'teal.9',
  inactive: 'gray.7',
  closed: 'dark.6',
  movedAway: 'grape.9',
  transferred: 'indigo.9',
};

export function HouseholdStatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={colors[status]} style={{ minWidth: 'max-content' }}>
      {t(`casework.householdStatus.${status}`)}
    </Badge>
  );
}
