import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CasePlan, type Household, useHouseholdPart } from '../api';
import { TabSection } from '../components/TabSection';
import { CasePlanCard } from './CasePlanCard';
import { CasePlanModal } from './CasePlanModal';

/** KIM and MigraDo case plans: goals with steps, responsible people, due and review dates. */
export function CasePlansTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const plans = useHouseholdPart<CasePlan[]>(household.id, 'caseplans');
  const [dialog, setDialog] = useState<{ plan?: CasePlan } | null>(null);
  const list = plans.data ?? [];
  return (
    <TabSection
      title={t('casework.tabs.caseplans')}
      createLabel={t('casework.casePlans.create')}
      onCreate={() => setDialog({})}
      records={plans}
      emptyText={t('casework.casePlans.none')}
    >
      {list.map((p) => (
        <CasePlanCard key={p.id} household={household} plan={p} onEdit={() => setDialog({ plan: p })} />
      ))}
      {dialog ? (
        <CasePlanModal household={household} plan={dialog.plan} onClose={() => setDialog(null)} />
      ) : null}
    </TabSection>
  );
}
