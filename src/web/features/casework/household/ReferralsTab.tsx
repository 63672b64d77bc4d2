import { Badge, Button, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { formatDate } from '../../../ui/format';
import { RecordActions } from '../../corrections/RecordActions';
import { type Household, type Referral, useHouseholdPart } from '../api';
import { CaseTable } from '../components/CaseTable';
import { TabSection } from '../components/TabSection';
import { memberName } from '../members';
import { useRefOptions } from '../options';
import { ReferralModal } from './ReferralModal';
import { ReferralStatusModal } from './ReferralStatusModal';

/** the table's columns (i18n keys) */
const columns = [
  'casework.referrals.date',
  'casework.referrals.organisation',
  'casework.contact.lifeArea',
  'casework.referrals.person',
  'casework.referrals.statusLabel',
  'casework.referrals.sharesDataShort',
  'casework.referrals.outcome',
];

/** Referrals to services, authorities and offers; passing data on needs the household's consent. */
export function ReferralsTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const can = useCan();
  const referrals = useHouseholdPart<Referral[]>(household.id, 'referrals');
  const organisations = useRefOptions('organisations');
  const lifeAreas = useRefOptions('life-areas');
  const [updating, setUpdating] = useState<Referral | null>(null);
  const list = referrals.data ?? [];

  return (
    <TabSection
      title={t('casework.tabs.referrals')}
      createLabel={t('casework.referrals.create')}
      createDialog={(close) => <ReferralModal household={household} onClose={close} />}
      records={referrals}
      emptyText={t('casework.referrals.none')}
    >
      <CaseTable
        caption={t('casework.tabs.referrals')}
        minWidth={820}
        actions
        headers={columns.map((c) => t(c))}
      >
        {list.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{formatDate(r.date)}</Table.Td>
            <Table.Td>{organisations.label(r.organisation)}</Table.Td>
            <Table.Td>{lifeAreas.label(r.lifeArea)}</Table.Td>
            <Table.Td>{memberName(household, r.personId) || t('casework.needs.wholeHousehold')}</Table.Td>
            <Table.Td>
              <Badge variant="outline" color="blue.9" style={{ minWidth: 'max-content' }}>
                {t(`casework.referrals.status.${r.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{r.sharesData ? t('casework.common.yes') : t('casework.common.no')}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-line' }}>{r.outcome}</Table.Td>
            {can('household.write') ? (
              <Table.Td>
                <RecordActions
                  household={household}
                  kind="referral"
                  recordId={r.id}
                  label={t('corrections.recordOn', {
                    record: t('corrections.records.referral'),
                    date: formatDate(r.date),
                  })}
                  authorId={r.createdBy}
                  createdAt={r.createdAt}
                >
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setUpdating(r)}
                    aria-label={t('casework.referrals.updateAria', {
                      organisation: organisations.label(r.organisation),
                    })}
                  >
                    {t('casework.referrals.update')}
                  </Button>
                </RecordActions>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </CaseTable>
      {updating ? (
        <ReferralStatusModal household={household} referral={updating} onClose={() => setUpdating(null)} />
      ) : null}
    </TabSection>
  );
}
