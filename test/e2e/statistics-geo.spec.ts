import { expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations, login } from './helpers';

/** A square around (x, y) in degrees: a closed ring of five positions. */
function square(x: number, y: number, d = 0.02): number[][][] {
  return [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ];
}

function district(code: string, coordinates: unknown, type = 'Polygon') {
  return {
    type: 'Feature',
    properties: { code, name: code, population: 1 },
    geometry: { type, coordinates },
  };
}

const valid = {
  type: 'FeatureCollection',
  features: [
    district('brackel', square(7.55, 51.52)),
    district('aplerbeck', [square(7.56, 51.49), square(7.6, 51.49)], 'MultiPolygon'),
  ],
};

async function put(page: Page, body: unknown) {
  const me = await (await page.request.get('/api/auth/me')).json();
  return page.request.put('/api/geo/districts', {
    headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
    data: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function problems(page: Page, body: unknown): Promise<{ path: string; message: string }[]> {
  const response = await put(page, body);
  expect(response.status()).toBe(400);
  return (await response.json()).error.details;
}

test.describe('district map', () => {
  test('the geo API checks uploads, names the problem, audits the change', async ({ page }) => {
    await login(page, 'zentrale');
    expect((await page.request.get('/api/geo/districts')).status()).toBe(200);
    expect((await put(page, valid)).status()).toBe(403);
    await page.context().clearCookies();

    await login(page, 'admin');
    expect(await problems(page, { ...valid, type: 'Feature' })).toContainEqual(
      expect.objectContaining({ path: 'type' }),
    );
    expect(
      (await problems(page, { ...valid, features: [district('brackel', [7.5, 51.5], 'Point')] }))[0].path,
    ).toMatch(/^features\.0\.geometry/);
    expect(await problems(page, { ...valid, features: [district('mars', square(7, 51))] })).toEqual([
      { path: 'features.0.properties.code', message: 'unbekannter Stadtbezirk' },
    ]);
    // the browser asks in German (locale de-DE): field texts come from shared/field-issues.ts, no longer untranslated English
    expect(
      await problems(page, { ...valid, features: [...valid.features, district('brackel', square(7, 51))] }),
    ).toEqual([{ path: 'features.2.properties.code', message: 'Stadtbezirk doppelt' }]);
    const open = square(7, 51);
    open[0].pop();
    open[0].push([7.5, 51.5]);
    expect(await problems(page, { ...valid, features: [district('brackel', open)] })).toContainEqual({
      path: 'features.0.geometry.coordinates.0',
      message: 'Umriss ist nicht geschlossen',
    });
    // too detailed: more than 250,000 points (a body over 5 MB is refused before it is read; the page
    // checks the file's size before sending it)
    const ring = Array.from({ length: 250_001 }, (_, i) => [7 + i / 1e6, 51]);
    ring.push(ring[0]);
    expect(await problems(page, { ...valid, features: [district('brackel', [ring])] })).toEqual([
      { path: 'features', message: 'zu viele Punkte' },
    ]);

    const saved = await put(page, valid);
    expect(saved.status(), await saved.text()).toBe(200);
    expect(await saved.json()).toEqual({ features: 2, codes: ['brackel', 'aplerbeck'] });
    const stored = await (await page.request.get('/api/geo/districts')).json();
    // only what a map needs is kept
    expect(stored.features[0].properties).toEqual({ code: 'brackel', name: 'brackel' });
    const audit = await (await page.request.get('/api/audit?action=geo.updated')).json();
    expect(audit.items[0]).toMatchObject({
      action: 'geo.updated',
      actorUsername: 'admin',
      entityType: 'reference',
      entityId: 'geo.districts',
    });

    const me = await (await page.request.get('/api/auth/me')).json();
    const removed = await page.request.delete('/api/geo/districts', {
      headers: { 'x-csrf-token': me.csrfToken },
    });
    expect(removed.status()).toBe(204);
    expect(await (await page.request.get('/api/geo/districts')).json()).toBeNull();
  });

  test('an administrator uploads district boundaries; the report draws them', async ({ page }) => {
    test.setTimeout(90_000);
    await login(page, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: 'Bezirkskarte' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bezirkskarte' })).toBeVisible();
    await expect(page.getByTestId('geo-status')).toHaveText('Keine Grenzen hochgeladen: schematische Karte.');
    await expect(page.getByRole('img', { name: 'Vorschau der Bezirkskarte' })).toBeVisible();
    await expectNoA11yViolations(page, 'district map page');

    const file = page.locator('input[type="file"]');
    const wrong = { ...valid, features: [district('mars', square(7, 51))] };
    await file.setInputFiles({
      name: 'falsch.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(wrong)),
    });
    await page.getByRole('button', { name: 'Hochladen' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Die Datei wurde nicht übernommen:');
    await expect(alert).toContainText('Feature 1 (features.0.properties.code): unbekannter Stadtbezirk');
    await expectNoA11yViolations(page, 'district map page with a rejected file');

    await file.setInputFiles({
      name: 'kein.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{oops'),
    });
    await page.getByRole('button', { name: 'Hochladen' }).click();
    await expect(page.getByRole('alert')).toContainText('Die Datei ist kein gültiges JSON.');

    await file.setInputFiles({
      name: 'bezirke.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(valid)),
    });
    await page.getByRole('button', { name: 'Hochladen' }).click();
    await expect(page.getByText('Grenzen für 2 Stadtbezirke übernommen.')).toBeVisible();
    await expect(page.getByTestId('geo-status')).toHaveText('Hochgeladene Grenzen für 2 Stadtbezirke.');
    const table = page.getByRole('table', { name: 'Stadtbezirke in den Referenzdaten' });
    await expect(table.getByRole('row', { name: /brackel Brackel ja/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /eving Eving nein/ })).toBeVisible();

    // central coordination's report uses them
    await page.context().clearCookies();
    await login(page, 'zentrale');
    await page.goto('/reports?period=year');
    const section = page.locator('section[data-section="households-per-district"]');
    await expect(section).toContainText('Karte der hochgeladenen Bezirksgrenzen.');
    await expect(section.getByRole('img', { name: /Diagramm: Verteilung der Haushalte/ })).toBeVisible();

    // back to the schematic map
    await page.context().clearCookies();
    await login(page, 'admin');
    await page.goto('/geo');
    await page.getByRole('button', { name: 'Schematische Karte verwenden' }).click();
    await expect(page.getByRole('dialog')).toContainText('Hochgeladene Grenzen entfernen?');
    await page.getByRole('dialog').getByRole('button', { name: 'Schematische Karte verwenden' }).click();
    await expect(page.getByTestId('geo-status')).toHaveText('Keine Grenzen hochgeladen: schematische Karte.');
  });
});
