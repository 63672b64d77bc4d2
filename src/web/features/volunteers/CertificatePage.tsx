import { Anchor, Button, Center, Group, Loader, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Page } from '../../ui/Page';
import { useCertificate } from './api';
import { hoursFormat } from './HoursSection';
import './certificate.css';

const pageStyle = '@page { size: A4 portrait; margin: 20mm; }';
const germanDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : '');

/**
 * The Ehrenamtsnachweis of a year, laid out for A4: always in German (it is handed to the volunteer
 * and to German bodies), with the hours per kind of assignment and the total, signed by the site.
 */
export function CertificatePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const cert = useCertificate(id, year);
  const c = cert.data;
  const kindDe: Record<string, string> = {
    mentorship: 'Patenschaft / Begleitung eines Haushalts',
    offer: 'Mitwirkung an einem Angebot',
    event: 'Mitwirkung an Veranstaltungen',
    none: 'Sonstige ehrenamtliche Tätigkeit',
  };
  return (
    <Page title={t('volunteers.certificate.title')}>
      <style>{pageStyle}</style>
      <Group className="q-no-print" align="flex-end">
        <Select
          label={t('volunteers.hours.year')}
          data={[0, 1, 2, 3, 4].map((d) => String(thisYear - d))}
          value={String(year)}
          allowDeselect={false}
          onChange={(v) => setParams({ year: v ?? String(thisYear) }, { replace: true })}
          w={120}
        />
        <Button onClick={() => window.print()}>{t('volunteers.certificate.print')}</Button>
        <Anchor component={Link} to={`/volunteers/${id}`}>
          {t('volunteers.detail.backToVolunteer')}
        </Anchor>
      </Group>
      <ErrorAlert error={cert.error} />
      {!c ? (
        cert.isLoading ? (
          <Center>
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : null
      ) : (
        <article className="q-certificate" lang="de" aria-label="Ehrenamtsnachweis">
          <h2>Ehrenamtsnachweis {c.year}</h2>
          <p>
            Hiermit bestätigen wir, dass <strong>{`${c.firstName} ${c.lastName}`}</strong> sich im Jahr{' '}
            {c.year} ehrenamtlich für das {c.siteName} engagiert hat
            {c.firstActiveOn ? ` (ehrenamtlich tätig seit dem ${germanDate(c.firstActiveOn)})` : ''}.
          </p>
          <table>
            <caption style={{ textAlign: 'left', fontWeight: 700, paddingBottom: '2mm' }}>
              Geleistete Stunden {c.year}
            </caption>
            <thead>
              <tr>
                <th scope="col">Tätigkeit</th>
                <th scope="col" className="q-num">
                  Stunden
                </th>
              </tr>
            </thead>
            <tbody>
              {c.byKind.map((k) => (
                <tr key={k.kind ?? 'none'}>
                  <td>{kindDe[k.kind ?? 'none']}</td>
                  <td className="q-num">{hoursFormat.format(k.hours)}</td>
                </tr>
              ))}
              {c.byKind.length === 0 ? (
                <tr>
                  <td colSpan={2}>Keine Stunden erfasst.</td>
                </tr>
              ) : null}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Gesamt</th>
                <td className="q-num">
                  <strong>{hoursFormat.format(c.total)}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
          <p>Wir danken für das Engagement, das das Ankommen in der Nachbarschaft erleichtert.</p>
          <p>Ausgestellt am {germanDate(c.issuedOn)}</p>
          <div className="q-signature">{c.siteName}, Unterschrift und Stempel</div>
        </article>
      )}
    </Page>
  );
}
