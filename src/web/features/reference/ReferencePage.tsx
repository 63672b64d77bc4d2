import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { type ReferenceList, referenceLists } from '../../../shared/schemas/reference';
import { Page } from '../../ui/Page';
import { NotFoundPage } from '../errors/NotFoundPage';
import { ReferenceListPanel } from './ReferenceListPanel';

export function ReferencePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const list = params.list as ReferenceList;
  if (!referenceLists.includes(list)) return <NotFoundPage />;

  return (
    <Page title={`${t('reference.title')}: ${t(`reference.lists.${list}`, { defaultValue: list })}`}>
      <Tabs value={list} onChange={(v) => v && navigate(`/reference/${v}`)} keepMounted={false}>
        <Tabs.List aria-label={t('reference.listsLabel')}>
          {referenceLists.map((l) => (
            <Tabs.Tab key={l} value={l}>
              {t(`reference.lists.${l}`, { defaultValue: l })}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {referenceLists.map((l) => (
          // every tab needs its panel for aria-controls; only the open one has content
          <Tabs.Panel key={l} value={l} pt="md">
            {l === list ? (
              <Stack>
                <ReferenceListPanel list={l} />
              </Stack>
            ) : null}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}
