import { readFile } from 'node:fs/promises';
import { type Download, expect, type Locator, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { chooseOption, expectNoA11yViolations, login } from './helpers';

/** Today and this year in Berlin (the server counts calendar days there). */
const todayIso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
const year = todayIso.slice(0, 4);
const run = Date.now()
  .toString(36)
  .slice(-5)
  .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);

/**
 * Setup through the API as the caseworker of Brackel/Aplerbeck: households of two registered today,
 * each with two contacts — so the report has figures whatever demo data the server holds.
 */
async function registerHouseholds(page: Page, count: number): Promise<void> {
  await login(page, 'fachkraft.ba');
  const me = await (await page.request.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken };
  for (let i = 0; i < count; i++) {
    const created = await page.request.post('/api/households', {
      headers,
      data: {
        siteId: me.user.siteIds[0],
        category: 'refugee',
        registeredOn: todayIso,
        districtCode: 'brackel',
        members: [
          {
            firstName: 'Rania',
            lastName: `Statistik${run}`,
            birthYear: 1987,
            gender: 'female',
            roleInHousehold: 'head',
          },
          {
            firstName: 'Omar',
            lastName: `Statistik${run}`,
            birthYear: 2012,
            gender: 'male',
            roleInHousehold: 'child',
          },
        ],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const household = await created.json();
    for (const contactType of ['sprechstunde', 'telefon']) {
      const contact = await page.request.post(`/api/households/${household.id}/contacts`, {
        headers,
        data: {
          date: todayIso,
          contactType,
          reasons: [
            { lifeArea: 'wohnen', supportKind: 'beratung' },
            { lifeArea: 'arbeit-beruf', supportKind: 'begleitung' },
          ],
        },
      });
      expect(contact.status(), await contact.text()).toBe(201);
    }
  }
  await page.context().clearCookies();
}

/** "2.915" → 2915; "< 3" and "x" stay text. */
function count(text: string): number | string {
  const t = text.trim();
  return /^[\d.]+$/.test(t) ? Number(t.replaceAll('.', '')) : t;
}

interface SiteLine {
  site: string;
  households: number | string;
  persons: number | string;
  contacts: number | string;
}

/** The seed's table as the page shows it: one line per site and the total. */
async function readSitesTable(table: Locator): Promise<SiteLine[]> {
  const rows = table.locator('tbody tr');
  const lines: SiteLine[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const cells = await row.locator('td').allTextContents();
    lines.push({
      site: (await row.locator('th').textContent())?.trim() ?? '',
      households: count(cells[1]),
      persons: count(cells[2]),
      contacts: count(cells[3]),
    });
  }
  return lines;
}

async function saved(download: Download): Promise<string> {
  const path = await download.path();
  expect(path).toBeTruthy();
  return path as string;
}

/** Waits until every chart of the report has drawn (a canvas inside each chart image, ECharts finished). */
async function chartsDrawn(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const charts = page.locator('main [role="img"].q-chart');
  await expect(charts).toHaveCount(7);
  for (const chart of await charts.all()) {
    await expect(chart.locator('canvas, svg').first()).toBeVisible();
    await expect(chart).toHaveAttribute('data-drawn', 'true');
  }
}

test.describe('statistics report', () => {
  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    await registerHouseholds(page, 3);
    await page.close();
  });

  test('central coordination picks a year and two sites, exports XLSX with the same figures', async ({
    page,
  }) => {
    await login(page, 'zentrale');
    await page.getByRole('navigation').getByRole('link', { name: 'Statistik' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Statistik' })).toBeVisible();
    await expect(page).toHaveTitle('Statistik – Quartier');

    await page.getByRole('radio', { name: 'Jahr', exact: true }).check();
    await chooseOption(page, 'Jahr', year);
    await chooseOption(page, 'Standorte', 'Brackel/Aplerbeck');
    await chooseOption(page, 'Standorte', 'Mengede/Huckarde');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Bericht anzeigen' }).click();

    await expect(page).toHaveURL(/period=year/);
    const summary = page.getByTestId('report-summary');
    await expect(summary).toContainText(`01.01.${year} bis 31.12.${year}`);
    await expect(summary).toContainText('Brackel/Aplerbeck, Mengede/Huckarde');
    const table = page.getByRole('table', { name: 'Tabelle: Haushalte, Personen und Kontakte je Standort' });
    await expect(table.locator('tbody tr')).toHaveCount(3);
    await expect(table.locator('tbody tr').first()).toContainText(`Januar ${year} bis Dez. ${year}`);
    const shown = await readSitesTable(table);
    expect(shown.map((l) => l.site)).toEqual(['Brackel/Aplerbeck', 'Mengede/Huckarde', 'Gesamt']);

    // our three households of two with two contacts each are among them
    const ba = shown[0];
    expect(ba.households).toBeGreaterThanOrEqual(3);
    expect(ba.persons).toBeGreaterThanOrEqual(6);
    expect(ba.contacts).toBeGreaterThanOrEqual(6);
    for (const field of ['households', 'persons', 'contacts'] as const) {
      expect(shown[2][field]).toBe((shown[0][field] as number) + (shown[1][field] as number));
    }

    // the API says the same
    const siteIds = new URL(page.url()).searchParams.get('sites');
    const api = await (
      await page.request.get(`/api/statistics/sites?from=${year}-01-01&to=${year}-12-31&siteIds=${siteIds}`)
    ).json();
    expect(
      [...api.rows, { ...api.total, siteName: 'Gesamt' }].map(
        (r: { siteName: string; households: number; persons: number; contacts: number }) => ({
          site: r.siteName,
          households: r.households,
          persons: r.persons,
          contacts: r.contacts,
        }),
      ),
    ).toEqual(shown);

    // and so does the workbook
    await chartsDrawn(page);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Bericht herunterladen' }).click();
    await page.getByRole('menuitem', { name: /^XLSX/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`statistik-${year}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await saved(download));
    expect(book.worksheets.map((s) => s.name)).toContain('Standorte');
    const sheet = book.getWorksheet('Standorte');
    if (!sheet) throw new Error('no sheet "Standorte"');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Standort', 'Zeitraum', 'von', 'bis', 'Haushalte', 'Personen', 'Kontakte']);
    const fromFile: SiteLine[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const v = row.values as unknown[];
      fromFile.push({
        site: String(v[1]),
        households: v[5] as number,
        persons: v[6] as number,
        contacts: v[7] as number,
      });
    });
    expect(fromFile).toEqual(shown);
    // the district sheet holds our households too
    const districts = book.getWorksheet('Haushalte je Bezirk');
    const brackel = districts
      ?.getRows(2, districts.rowCount - 1)
      ?.find((r) => r.getCell(1).value === 'Brackel');
    expect(Number(brackel?.getCell(2).value)).toBeGreaterThanOrEqual(3);

    // each chart has its table and its PNG, reachable by keyboard
    const png = page.getByRole('button', { name: 'PNG herunterladen: Kontaktarten' });
    await png.focus();
    const pngDownload = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const image = await readFile(await saved(await pngDownload));
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    const contactTypes = page.getByRole('table', { name: 'Tabelle: Kontaktarten' });
    await expect(contactTypes.getByRole('row', { name: /Sprechstunde/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /Diagramm: Kontaktarten/ })).toBeVisible();
  });

  test('CSV for publication protects small counts; the print view is A4 landscape', async ({ page }) => {
    test.setTimeout(90_000);
    await page.addInitScript(() => {
      // the print dialog would block the browser: count the calls instead
      window.print = () => {
        (window as unknown as { printed: number }).printed =
          ((window as unknown as { printed?: number }).printed ?? 0) + 1;
      };
    });
    await login(page, 'zentrale');
    await page.goto(`/reports?period=month&year=${year}&month=${Number(todayIso.slice(5, 7))}`);
    await expect(page.getByTestId('report-summary')).toContainText('nicht geschützt');
    const publication = page.getByRole('checkbox', { name: 'für Veröffentlichung' });
    await publication.click();
    await expect(publication).toBeChecked();
    await expect(page).toHaveURL(/publication=1/);
    await expect(page.getByTestId('report-summary')).toContainText('geschützt (Cell-Key-Verfahren');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Bericht herunterladen' }).click();
    await page.getByRole('menuitem', { name: /^CSV \(maschinenlesbar\)/ }).click();
    const csv = (await readFile(await saved(await downloading), 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('table,row,label,column,value');
    const values = lines.slice(1).map((l) => l.slice(l.lastIndexOf(',') + 1).replaceAll('"', ''));
    expect(values.length).toBeGreaterThan(10);
    expect(values.filter((v) => v === '1' || v === '2')).toEqual([]);
    // what the page shows is protected the same way
    await chartsDrawn(page);
    const cells = await page.locator('main .q-stat-table td').allTextContents();
    expect(cells.filter((c) => c.trim() === '1' || c.trim() === '2')).toEqual([]);

    await page.getByRole('button', { name: 'Drucken', exact: true }).click();
    await expect(page).toHaveURL(/\/reports\/print\?.*publication=1/);
    await expect(page.getByRole('heading', { level: 1, name: 'Statistik – Druckansicht' })).toBeVisible();
    await expect(page.locator('.q-print[data-ready]')).toBeVisible();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: number }).printed)).toBe(1);
    // sharp charts for paper, every table in full
    await expect(page.locator('main [role="img"].q-chart svg')).toHaveCount(7);
    await expect(page.locator('main .q-table-scroll')).toHaveCount(0);
    const pageRules = await page.evaluate(() =>
      [...document.querySelectorAll('style')].filter((s) => s.textContent?.includes('size: A4 landscape')),
    );
    expect(pageRules).toHaveLength(1);
    await expectNoA11yViolations(page, 'print view');

    // the browser's PDF of it: A4 landscape pages (842 × 595 points)
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([842, 595]);
    await expect(page.locator('#main-navigation')).toBeHidden();
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('link', { name: 'Zurück zum Bericht' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Statistik' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'für Veröffentlichung' })).toBeChecked();
  });

  test('the report page with its charts has no WCAG 2.1 AA violations, in German and English', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await login(page, 'zentrale');
    await page.goto('/reports');
    await expect(page.getByTestId('report-summary')).toContainText('seit Eröffnung des jeweiligen Standorts');
    await chartsDrawn(page);
    await expectNoA11yViolations(page, 'report page');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Table: Contact types' })).toBeVisible();
    await chartsDrawn(page);
    await expectNoA11yViolations(page, 'report page in English');
  });

  test('the advisory board sees protected figures only', async ({ page }) => {
    await login(page, 'beirat');
    await page.getByRole('navigation').getByRole('link', { name: 'Statistik' }).click();
    await page.getByRole('radio', { name: 'Monat', exact: true }).check();
    await page.getByRole('button', { name: 'Bericht anzeigen' }).click();
    await expect(page.getByTestId('report-summary')).toContainText('geschützt (Cell-Key-Verfahren');
    const box = page.getByRole('checkbox', { name: 'für Veröffentlichung' });
    await expect(box).toBeChecked();
    await expect(box).toBeDisabled();
    await chartsDrawn(page);
    // no count of 1 or 2 anywhere (cell-key noise; the network tables withhold them); the legend explains
    const cells = (await page.locator('main .q-stat-table td').allTextContents()).map((c) => c.trim());
    expect(cells.filter((c) => c === '1' || c === '2')).toEqual([]);
    await expect(page.getByRole('heading', { name: 'Schutz kleiner Fallzahlen' })).toBeVisible();
    await expect(page.getByText('Jede Zahl weicht um höchstens 2 ab')).toBeVisible();
    await expectNoA11yViolations(page, 'report page of the board');
  });

  test('a site lead chooses among their own sites only', async ({ page }) => {
    await login(page, 'leitung.ba');
    await page.goto('/reports');
    await page.getByRole('combobox', { name: 'Standorte', exact: true }).click();
    await expect(page.getByRole('option')).toHaveText(['Brackel/Aplerbeck']);
    await page.keyboard.press('Escape');
    const table = page.getByRole('table', { name: 'Tabelle: Haushalte, Personen und Kontakte je Standort' });
    await expect(table.locator('tbody th')).toHaveText(['Brackel/Aplerbeck', 'Gesamt']);
  });

  test('ECharts loads only with a chart: not on the start page, on the report (canvas only)', async ({
    page,
  }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await login(page, 'zentrale');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Statistik' })).toBeVisible();
    expect(scripts.filter((s) => s.includes('/assets/echarts-'))).toEqual([]);
    await page.goto('/reports');
    await chartsDrawn(page);
    expect(scripts.filter((s) => s.includes('/assets/echarts-'))).toHaveLength(1);
    // the SVG renderer comes with the print view only
    expect(scripts.filter((s) => s.includes('/assets/PrintPage-'))).toEqual([]);
    await expect(page.locator('main [role="img"].q-chart svg')).toHaveCount(0);
  });

  test('opened directly, the report is asked for once, protected as the role needs, and never without the right', async ({
    page,
  }) => {
    const reports: string[] = [];
    // the API requests in the order the browser sent them
    const sent: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) sent.push(url.pathname);
      if (url.pathname === '/api/statistics/report') reports.push(url.search);
    });
    // the data are asked for as soon as the session is known, before the app shell's first render (whose
    // demo banner asks for /api/meta); the page's first render takes that answer instead of asking again
    await login(page, 'beirat');
    reports.length = 0;
    sent.length = 0;
    await page.goto(`/reports?period=year&year=${year}`);
    await chartsDrawn(page);
    await expect(page.getByTestId('report-summary')).toContainText('geschützt (Cell-Key-Verfahren');
    expect(reports).toHaveLength(1);
    expect(new URLSearchParams(reports[0]).get('publication')).toBe('true');
    expect(sent.slice(0, 2)).toEqual(['/api/auth/me', '/api/statistics/report']);
    expect(sent).toContain('/api/meta');

    await page.context().clearCookies();
    await login(page, 'fachkraft.ba');
    reports.length = 0;
    await page.goto('/reports');
    await expect(page.getByRole('heading', { level: 1, name: 'Keine Berechtigung' })).toBeVisible();
    expect(reports).toEqual([]);
  });

  test('a caseworker has no report', async ({ page }) => {
    await login(page, 'fachkraft.ba');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Statistik' })).toHaveCount(0);
    await page.goto('/reports');
    await expect(page.getByRole('heading', { level: 1, name: 'Keine Berechtigung' })).toBeVisible();
  });
});
