import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSwitchTab } from './useSwitchTab';

/**
 * The server refused to pass data on: no consent for this recipient. Says so, and where to fix it
 * (closes the dialog and opens the consents tab).
 */
export function ConsentMissing({ organisation, onClose }: { organisation: string; onClose(): void }) {
  const { t } = useTranslation();
  const switchTab = useSwitchTab();
  return (
    <Alert
      color="red"
      variant="outline"
      title={t('casework.referrals.noConsentTitle')}
      classNames={{ title: 'q-alert-title' }}
      data-testid="consent-missing"
    >
      <Stack gap="xs">
        <Text size="sm">{t('casework.referrals.noConsentText', { organisation })}</Text>
        <Group>
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              onClose();
              switchTab('consents');
            }}
          >
            {t('casework.referrals.goToConsents')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
