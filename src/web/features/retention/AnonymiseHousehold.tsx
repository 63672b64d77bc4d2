import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { notifySuccess } from '../../ui/notify';
import { useAnonymiseHousehold } from './api';

interface Props {
  household: { id: string; caseNumber: string; members: { firstName: string; lastName: string }[] };
}

/** "Anonymisieren" for the site lead: erasure on request, with a reason and a confirmation. */
export function AnonymiseHousehold({ household }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const anonymise = useAnonymiseHousehold(household.id);
  const anonymised =
    household.members.length > 0 && household.members.every((m) => !m.firstName && !m.lastName);
  if (!can('household.anonymise') || anonymised) return null;
  const tooShort = reason.trim().length < 3;
  return (
    <>
      <Button variant="outline" color="red.9" size="xs" onClick={() => setOpen(true)}>
        {t('retention.anonymise.button')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('retention.anonymise.title', { caseNumber: household.caseNumber })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>{t('retention.anonymise.explain')}</Text>
          <ErrorAlert error={anonymise.error} />
          <Textarea
            label={t('retention.anonymise.reason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={touched && tooShort ? t('retention.anonymise.reasonRequired') : null}
            autosize
            minRows={2}
            maxLength={500}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={anonymise.isPending}
              onClick={() => {
                setTouched(true);
                if (tooShort) return;
                anonymise.mutate(reason.trim(), {
                  onSuccess: () => {
                    setOpen(false);
                    notifySuccess(t('retention.anonymise.done', { caseNumber: household.caseNumber }));
                  },
                });
              }}
            >
              {t('retention.anonymise.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
