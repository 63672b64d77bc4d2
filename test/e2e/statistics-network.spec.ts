import { expect, test } from '@playwright/test';
import { expectNoA11yViolations, login } from './helpers';

/** Today in Berlin (the server counts calendar days there). */
const todayIso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

test.describe('report: network and community work', () => {
  test('central coordination sees the section with an event of today, without WCAG 2.1 AA violations', async ({
    page,
  }) => {
    // axe over the whole report takes long on a loaded machine
    test.setTimeout(240_000);
    await login(page, 'zentrale');
    const me = await (await page.request.get('/api/auth/me')).json();
    const sites = (await (await page.request.get('/api/sites')).json()) as { id: string; code: string }[];
    const created = await page.request.post('/api/events', {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        type: 'runder-tisch',
        title: 'Runder Tisch Statistik',
        siteId: sites[0].id,
        districtCode: 'brackel',
        date: todayIso,
        partnerIds: [],
        public: false,
        participants: { neighbours: 4, refugees: 6, volunteers: 2, partners: 3, others: 0 },
      },
    });
    expect(created.status(), await created.text()).toBe(201);

    await page.goto('/reports');
    // the report's first answer may take a while on a loaded machine
    await expect(page.getByTestId('report-summary')).toBeVisible({ timeout: 60_000 });
    await expect(
      page.getByRole('heading', { level: 2, name: 'Netzwerk- und Gemeinwesenarbeit' }),
    ).toBeVisible();
    await expect(page.locator('[data-section="network"] [aria-busy]')).toHaveCount(0, { timeout: 60_000 });
    const byType = page.getByRole('table', {
      name: 'Tabelle: Veranstaltungen und Teilnehmende nach Veranstaltungsart',
    });
    await expect(byType).toBeVisible();
    const row = byType.getByRole('row', { name: /^Runder Tisch/ });
    await expect(row.getByRole('cell').first()).not.toHaveText('0');
    for (const title of [
      'Veranstaltungen und Teilnehmende nach Stadtbezirk',
      'Ehrenamtliche je Standort',
      'Einsätze von Sprachmittler*innen nach Sprache',
      'Vermittlungen in Angebote nach Lebensbereich',
    ])
      await expect(page.getByRole('table', { name: `Tabelle: ${title}` })).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 3, name: 'Lücken im Angebot (Bestandserhebung)' }),
    ).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'CSV herunterladen: Ehrenamtliche je Standort' }),
    ).toBeVisible();
    await expectNoA11yViolations(page, 'report page with network and community work');
  });

  test('the section in English has no WCAG 2.1 AA violations', async ({ page }) => {
    // axe over the whole report takes long on a loaded machine
    test.setTimeout(240_000);
    await login(page, 'zentrale');
    await page.goto('/reports');
    await expect(page.getByTestId('report-summary')).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Network and community work' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Table: Volunteers per site' })).toBeVisible({
      timeout: 60_000,
    });
    await expectNoA11yViolations(page, 'report page with network and community work in English');
  });
});
