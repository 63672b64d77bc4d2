import type { DistrictGeoJson } from '../api';

/**
 * A schematic map of the configured districts: one hexagon per district on a honeycomb, in the
 * reference list's order, row by row. Needs no map data (and no internet): a city that has not
 * uploaded its district boundaries still gets a map.
 */
export function schematicDistricts(codes: string[]): DistrictGeoJson {
  const n = codes.length;
  const columns = Math.max(1, Math.ceil(Math.sqrt((n * 4) / 3)));
  const w = Math.sqrt(3);
  const r = 0.96; // a small gap between the tiles
  return {
    type: 'FeatureCollection',
    features: codes.map((code, i) => {
      const row = Math.floor(i / columns);
      const column = i % columns;
      const cx = column * w + (row % 2 ? w / 2 : 0);
      const cy = -row * 1.5; // rows go down the page
      const ring = Array.from({ length: 7 }, (_, k) => {
        const angle = ((30 + 60 * (k % 6)) * Math.PI) / 180;
        return [round(cx + r * Math.cos(angle)), round(cy + r * Math.sin(angle))];
      });
      return {
        type: 'Feature' as const,
        properties: { code, name: code },
        geometry: { type: 'Polygon' as const, coordinates: [ring] },
      };
    }),
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** ECharts finds a region by `properties.name`: the uploaded file names districts by `code`. */
export function withNames(geo: DistrictGeoJson): DistrictGeoJson {
  return {
    ...geo,
    features: geo.features.map((f) => ({ ...f, properties: { ...f.properties, name: f.properties.code } })),
  };
}
