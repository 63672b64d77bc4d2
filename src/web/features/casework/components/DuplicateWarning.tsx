import { Anchor, List, Paper, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatBirth } from '../forms';
import { duplicateInput, duplicateQuery } from './duplicateQuery';

const shown = 5;

interface Props {
  firstName: string;
  lastName: string;
  birth: string;
  /** the person being edited: not a duplicate of itself */
  excludePersonId?: string;
}

/**
 * Possible duplicates of a person as their names and birth are typed: matches in the user's own sites
 * with name, birth and case number; elsewhere only the site to ask about (the server gives no names).
 * A polite live region, so a screen reader hears the warning without losing its place.
 */
export function DuplicateWarning({ firstName, lastName, birth, excludePersonId }: Props) {
  const { t } = useTranslation();
  const input = duplicateInput(firstName, lastName, birth);
  const [debounced] = useDebouncedValue(input, 400);
  const check = useQuery({ ...duplicateQuery(debounced), enabled: !!debounced });

  const data = debounced && input ? check.data : undefined;
  const matches = (data?.matches ?? []).filter((m) => m.personId !== excludePersonId);
  const otherSites = data?.otherSites ?? [];
  const any = matches.length > 0 || otherSites.length > 0;

  return (
    <div role="status" aria-live="polite">
      {any ? (
        <Paper
          withBorder
          p="sm"
          radius="sm"
          data-testid="duplicate-warning"
          style={{
            borderColor: 'var(--mantine-color-orange-9)',
            borderLeftWidth: 6,
            background: 'var(--mantine-color-orange-0)',
          }}
        >
          <Text fw={700} size="sm">
            {t('casework.duplicates.title')}
          </Text>
          {matches.length > 0 ? (
            <List size="sm" mt={4} spacing={2}>
              {matches.slice(0, shown).map((m) => (
                <List.Item key={m.personId}>
                  {t('casework.duplicates.match', {
                    name: m.fullName,
                    birth: formatBirth(m) || t('casework.duplicates.birthUnknown'),
                  })}{' '}
                  <Anchor component={Link} to={`/households/${m.householdId}`} target="_blank" rel="noopener">
                    {t('casework.duplicates.caseLink', { caseNumber: m.caseNumber })}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          ) : null}
          {matches.length > shown ? (
            <Text size="sm">{t('casework.duplicates.more', { count: matches.length - shown })}</Text>
          ) : null}
          {otherSites.length > 0 ? (
            <List size="sm" mt={4} spacing={2}>
              {otherSites.map((s) => (
                <List.Item key={s.siteId}>
                  {t('casework.duplicates.otherSite', { site: s.siteName })}
                </List.Item>
              ))}
            </List>
          ) : null}
          <Text size="sm" mt={4}>
            {t('casework.duplicates.canSave')}
          </Text>
        </Paper>
      ) : null}
      {data && data.otherSitesChecked !== 'checked' ? (
        <Text size="sm" c="dimmed" mt={4}>
          {t(`casework.duplicates.otherSites_${data.otherSitesChecked}`)}
        </Text>
      ) : null}
    </div>
  );
}
