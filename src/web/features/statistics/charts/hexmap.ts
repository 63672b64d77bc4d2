import type { DistrictGeoJson } from '../api';
import { registerMap } from './echarts';

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

/**
 * The map's x:y scale. Coordinates in degrees (WGS 84) shrink in x by the cosine of the latitude;
 * projected coordinates (metres) and the schematic map keep 1.
 */
export function mapAspect(geo: DistrictGeoJson): number {
  let n = 0;
  let latSum = 0;
  let degrees = true;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      if (Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90) degrees = false;
      latSum += c[1];
      n++;
      return;
    }
    for (const inner of c) visit(inner);
  };
  for (const f of geo.features) visit(f.geometry.coordinates);
  if (!degrees || n === 0) return 1;
  return Math.max(0.2, Math.cos(((latSum / n) * Math.PI) / 180));
}

export interface DistrictMap {
  /** the name the map is registered under with ECharts */
  name: string;
  aspect: number;
  /** the districts it draws, by code */
  codes: string[];
  uploaded: boolean;
}

/** Registers the map to draw: the uploaded boundaries, or else a schematic map of `codes`. */
export function registerDistrictMap(uploaded: DistrictGeoJson | null, codes: string[]): DistrictMap {
  if (uploaded) {
    const name = 'quartier-districts-uploaded';
    registerMap(name, withNames(uploaded) as never);
    return {
      name,
      aspect: mapAspect(uploaded),
      codes: uploaded.features.map((f) => f.properties.code),
      uploaded: true,
    };
  }
  const name = `quartier-districts-schematic-${codes.join(',')}`;
  registerMap(name, schematicDistricts(codes) as never);
  return { name, aspect: 1, codes, uploaded: false };
}
