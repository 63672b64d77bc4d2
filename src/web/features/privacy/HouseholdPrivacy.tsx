import { Alert, Button, Group, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan, useUser } from '../../app/session';
import { clockTime, exportUrl, useMyEmergencyGrants } from './api';

interface HouseholdLike {
  id: string;
  members: { id: string; firstName: string; lastName: string; roleInHousehold: string }[];
}

/** "Notfallzugriff bis HH:MM, nur lesen" when the user reads the household under a break-the-glass grant. */
export function EmergencyBanner({ household }: { household: { id: string; siteId: string } }) {
  const { t } = useTranslation();
  const can = useCan();
  const user = useUser();
  // only another site's household can be open under a grant
  const foreign = !user.siteIds.includes(household.siteId);
  const mine = useMyEmergencyGrants(foreign && can('household.emergency'));
  const grant = mine.data?.find((g) => g.householdId === household.id);
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
    // without the focus placeholder (a focusable role=presentation child of the menu, axe aria-required-children)
    <Menu position="bottom-start" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="default" size="xs">
          {t('privacy.export.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {persons.map((p) => {
          const name = `${p.firstName} ${p.lastName}`.trim();
          return (
            // a labelled group per person: a menu may hold only items and groups (axe aria-required-children);
            // biome-ignore lint/a11y/useSemanticElements: a fieldset is a form's group, this is a menu's
            <div key={p.id} role="group" aria-label={t('privacy.export.forPerson', { name })}>
              <Menu.Label aria-hidden="true">{t('privacy.export.forPerson', { name })}</Menu.Label>
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
