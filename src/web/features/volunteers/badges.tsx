import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConductState, VolunteerStatus } from '../../../shared/schemas/volunteers';
import { formatDate } from '../../ui/format';

// dark shades: white text on them keeps AA contrast (Mantine's yellow.9 has only 2.99:1: a dark amber, 5.7:1)
const statusColor: Record<VolunteerStatus, string> = {
  interested: 'blue.9',
  active: 'teal.9',
  paused: '#8f5b00',
  left: 'gray.7',
};
const conductColor: Record<ConductState, string> = {
  valid: 'teal.9',
  dueSoon: '#8f5b00',
  overdue: 'red.9',
  missing: 'gray.7',
};

export function StatusBadge({ status }: { status: VolunteerStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={statusColor[status]} style={{ minWidth: 'max-content' }}>
      {t(`volunteers.status.${status}`)}
    </Badge>
  );
}

/** The certificate of conduct: valid until …, due soon, overdue, or not seen. */
export function ConductBadge({ conduct }: { conduct: { state: ConductState; validUntil: string | null } }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={conductColor[conduct.state]} style={{ minWidth: 'max-content' }}>
      {t(`volunteers.conduct.${conduct.state}`, { date: formatDate(conduct.validUntil) })}
    </Badge>
  );
}
