import type { TFunction } from 'i18next';
import { describe, expect, it, vi } from 'vitest';

// the app's i18n setup needs a browser; these functions only ask for the language
vi.mock('../../i18n', () => ({ currentLanguage: () => 'de' }));

const { filtersFromParams, filtersToParams, periodOf, toApiQuery, defaultFilters } = await import(
  './filters'
);
const { displayCount, periodText } = await import('./format');
const { mapAspect, schematicDistricts } = await import('./charts/hexmap');

const t = ((key: string, o?: Record<string, unknown>) =>
  key === 'statistics.periodRange'
    ? `${o?.from} bis ${o?.to}`
    : key === 'statistics.suppressed.small'
      ? '< 3'
      : key === 'statistics.suppressed.secondary'
        ? 'x'
        : key) as unknown as TFunction;

describe('report filters', () => {
  const base = defaultFilters('2026-11-25');

  it('turn presets into periods; "since opening" leaves out the start', () => {
    expect(periodOf(base)).toEqual({ to: undefined });
    expect(periodOf({ ...base, to: '2021-10-31' })).toEqual({ to: '2021-10-31' });
    expect(periodOf({ ...base, preset: 'year', year: 2021 })).toEqual({
      from: '2021-01-01',
      to: '2021-12-31',
    });
    expect(periodOf({ ...base, preset: 'quarter', year: 2024, quarter: 4 })).toEqual({
      from: '2024-10-01',
      to: '2024-12-31',
    });
    expect(periodOf({ ...base, preset: 'month', year: 2024, month: 2 })).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
  });

  it('default to since opening in the current month and quarter', () => {
    expect(base).toMatchObject({ preset: 'opening', year: 2026, quarter: 4, month: 11, category: '' });
  });

  it('survive the URL and ignore what is malformed', () => {
    const f = {
      ...base,
      preset: 'custom' as const,
      from: '2021-03-15',
      to: '2021-04-20',
      siteIds: ['fa50ab2c-6f22-4b12-bb32-16975e8f96a6'],
      category: 'refugee' as const,
      publication: true,
    };
    expect(filtersFromParams(filtersToParams(f), '2026-11-25')).toEqual(f);
    const bad = filtersFromParams(
      new URLSearchParams('period=decade&year=abc&month=13&from=2021-02-30&sites=x,y&category=all'),
      '2026-11-25',
    );
    expect(bad).toEqual({ ...base, category: 'all' });
  });

  it('become the API query; the board always asks for protection', () => {
    const f = { ...base, preset: 'year' as const, year: 2021, siteIds: ['a', 'b'] };
    expect(toApiQuery(f)).toEqual({ from: '2021-01-01', to: '2021-12-31', siteIds: 'a,b' });
    expect(toApiQuery(base, true)).toEqual({ publication: 'true' });
  });
});

describe('report texts', () => {
  it('write periods as the seed does when they cover whole months, else as dates', () => {
    expect(periodText(t, '2017-10-01', '2021-10-31')).toBe('Oktober 2017 bis Okt. 2021');
    expect(periodText(t, '2021-10-01', '2021-10-31')).toBe('Oktober 2021');
    expect(periodText(t, '2016-10-01', '2026-11-25')).toBe('Oktober 2016 bis 25.11.2026');
    expect(periodText(t, '2021-03-15', '2021-04-20')).toBe('15.03.2021 bis 20.04.2021');
  });

  it('show counts with German digit grouping and withheld ones as marks', () => {
    expect(displayCount(t, {}, 'count', 10178)).toBe('10.178');
    expect(displayCount(t, { suppressed: { count: 'small' } }, 'count', null)).toBe('< 3');
    expect(displayCount(t, { suppressed: { count: 'secondary' } }, 'count', null)).toBe('x');
    expect(displayCount(t, {}, 'count', 0)).toBe('0');
  });
});

describe('schematic district map', () => {
  it('draws one closed hexagon per district, none on top of another', () => {
    const codes = Array.from({ length: 12 }, (_, i) => `d${i}`);
    const geo = schematicDistricts(codes);
    expect(geo.features.map((f) => f.properties.code)).toEqual(codes);
    const centres = geo.features.map((f) => {
      const ring = (f.geometry.coordinates as number[][][])[0];
      expect(ring).toHaveLength(7);
      expect(ring[0]).toEqual(ring[6]);
      const xs = ring.slice(0, 6).map((p) => p[0]);
      const ys = ring.slice(0, 6).map((p) => p[1]);
      return [xs.reduce((a, b) => a + b) / 6, ys.reduce((a, b) => a + b) / 6];
    });
    for (let i = 0; i < centres.length; i++) {
      for (let j = i + 1; j < centres.length; j++) {
        const d = Math.hypot(centres[i][0] - centres[j][0], centres[i][1] - centres[j][1]);
        expect(d).toBeGreaterThan(1.6); // neighbours are √3 apart
      }
    }
  });

  it('keeps the shape of boundaries in degrees (Dortmund: about 0.62) and in metres', () => {
    const square = (x: number, y: number) => ({
      type: 'Feature' as const,
      properties: { code: 'a' },
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [x, y],
            [x + 1, y],
            [x, y + 1],
            [x, y],
          ],
        ],
      },
    });
    const degrees = mapAspect({ type: 'FeatureCollection', features: [square(7.4, 51.5)] });
    expect(degrees).toBeCloseTo(0.62, 1);
    expect(mapAspect({ type: 'FeatureCollection', features: [square(390000, 5710000)] })).toBe(1);
  });
});
