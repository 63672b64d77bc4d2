import { Alert, Button, Group, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session';
import { clockTime, exportUrl, useMyEmergencyGrants } from './api';

interface HouseholdLike {
  id: string;
  members: { id: string; firstName: string; lastName: string; roleInHousehold: string }[];
}

/** "Notfallzugriff bis HH:MM, nur lesen" when the user reads the household under a break-the-glass grant. */
export function EmergencyBanner({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const mine = useMyEmergencyGrants(can('household.emergency'));
  const grant = mine.data?.find((g) => g.householdId === householdId);
  if (!grant) return null;
  return (
    <Alert
      color="red.9"
      variant="outline"
      title={t('privacy.emergency.banner', { time: clockTime(grant.expiresAt) })}
      data-testid="emergency-banner"
    >
      {t('privacy.emergency.bannerText')}
    </Alert>
  );
}

/** Subject access for the site lead: PDF and JSON per member ("Auskunft (Art. 15 DSGVO)"), and the access report. */
export function HouseholdPrivacyActions({ household }: { household: HouseholdLike }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can('person.export')) return null;
  return (
    <Group gap="xs">
      <PersonExportMenu persons={household.members} />
      <Button component={Link} to={`/households/${household.id}/accesses`} variant="default" size="xs">
        {t('privacy.accessReport.open')}
      </Button>
    </Group>
  );
}

/** One menu with the PDF and JSON export of each person. */
export function PersonExportMenu({ persons }: { persons: HouseholdLike['members'] }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs">
          {t('privacy.export.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {persons.map((p) => {
          const name = `${p.firstName} ${p.lastName}`.trim();
          return (
            <div key={p.id}>
              <Menu.Label>{t('privacy.export.forPerson', { name })}</Menu.Label>
              <Menu.Item component="a" href={exportUrl(p.id, 'pdf')} download>
                {t('privacy.export.pdf')}
              </Menu.Item>
              <Menu.Item component="a" href={exportUrl(p.id, 'json')} download>
                {t('privacy.export.json')}
              </Menu.Item>
            </div>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
