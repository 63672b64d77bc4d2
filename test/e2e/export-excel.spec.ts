import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectNoA11yViolations, login } from './helpers';

/** Today in Berlin (the server counts calendar days there). */
const todayIso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
const year = Number(todayIso.slice(0, 4));

test.describe('exports German Excel opens', () => {
  test('a typed year, the CSV for Excel as columns, and the incomplete current month', async ({ page }) => {
    test.setTimeout(300_000);
    await login(page, 'zentrale');
    await page.goto('/reports');
    await page.getByRole('radio', { name: 'Jahr', exact: true }).check();

    // the year field takes typing: "2021" + Enter
    const yearField = page.getByRole('combobox', { name: 'Jahr', exact: true });
    await yearField.click();
    await yearField.fill('2021');
    await yearField.press('Enter');
    await expect(yearField).toHaveValue('2021');
    await page.getByRole('button', { name: 'Bericht anzeigen' }).click();
    await expect(page).toHaveURL(/year=2021/);
    // the report of a whole year over the demo data takes a while on a busy machine
    await expect(page.getByTestId('report-summary')).toContainText('01.01.2021 bis 31.12.2021', {
      timeout: 60_000,
    });
    // a whole past year has no incomplete month
    await expect(page.getByTestId('partial-month')).toHaveCount(0);

    // the CSV for Excel: semicolons, a BOM, one block per table with its header row
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Bericht herunterladen' }).click();
    await page.getByRole('menuitem', { name: /^CSV \(Excel\)/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('statistik-2021.csv');
    const raw = await readFile((await download.path()) as string, 'utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const lines = raw.slice(1).split('\r\n');
    expect(lines[0]).toBe('Haushalte, Personen und Kontakte je Standort');
    expect(lines[1].split(';')).toEqual([
      'Standort',
      'Zeitraum',
      'von',
      'bis',
      'Haushalte',
      'Personen',
      'Kontakte',
    ]);
    const first = lines[2].split(';');
    expect(first).toHaveLength(7);
    expect(first.slice(2, 4)).toEqual(['01.01.2021', '31.12.2021']);
    expect(Number(first[4])).toBeGreaterThan(0);

    // the quarter field takes "Q3", the month field "März"
    await page.getByRole('radio', { name: 'Quartal', exact: true }).check();
    const quarter = page.getByRole('combobox', { name: 'Quartal', exact: true });
    await quarter.click();
    await quarter.fill('Q3');
    await quarter.press('Enter');
    await expect(quarter).toHaveValue('3. Quartal (Q3)');
    await page.getByRole('radio', { name: 'Monat', exact: true }).check();
    const month = page.getByRole('combobox', { name: 'Monat', exact: true });
    await month.click();
    await month.fill('März');
    await month.press('Enter');
    await expect(month).toHaveValue('März (03)');
    await page.getByRole('button', { name: 'Bericht anzeigen' }).click();
    await expect(page).toHaveURL(/month=3/);

    // a period that ends today marks its last month as incomplete (unless today is a month's last day)
    await page.goto(`/reports?period=year&year=${year}`);
    await expect(page.getByTestId('report-summary')).toContainText(`31.12.${year}`, { timeout: 60_000 });
    const lastDay = new Date(Date.UTC(year, Number(todayIso.slice(5, 7)), 0)).toISOString().slice(0, 10);
    const note = page.getByTestId('partial-month');
    if (todayIso !== lastDay) {
      await expect(note.first()).toContainText(
        `Monat unvollständig (bis ${todayIso.slice(8, 10)}.${todayIso.slice(5, 7)}.)`,
      );
    }
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
    await expectNoA11yViolations(page, 'report page with the download menu');
  });
});
