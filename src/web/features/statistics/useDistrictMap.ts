import { useMemo } from 'react';
import type { FullReport } from '../../../shared/schemas/statistics';
import { useReference } from '../../app/queries';
import { useDistrictGeo } from './api';
import { registerDistrictMap } from './charts/hexmap';
import { districtMapOption } from './charts/mapOption';
import type { ChartContext } from './charts/style';

/** The households-per-district map: the uploaded boundaries, or a schematic map of the districts. */
export function useDistrictMap(report: FullReport, ctx: ChartContext) {
  const districts = useReference('districts');
  const geo = useDistrictGeo();
  const ready = (districts.isSuccess || districts.isError) && (geo.isSuccess || geo.isError);
  const option = useMemo(() => {
    if (!ready) return null;
    const data = report.householdsPerDistrict;
    const labels = new Map<string, string>();
    for (const d of districts.data ?? []) labels.set(d.code, d.label);
    for (const i of data.items) if (i.code) labels.set(i.code, i.label);
    const active = (districts.data ?? []).filter((d) => d.active).map((d) => d.code);
    const counted = data.items.flatMap((i) => (i.code && !active.includes(i.code) ? [i.code] : []));
    const map = registerDistrictMap(geo.data ?? null, [...active, ...counted]);
    return {
      uploaded: map.uploaded,
      option: districtMapOption(data, map, labels, ctx),
      height: map.uploaded ? 460 : Math.max(320, Math.ceil(map.codes.length / 4) * 125 + 60),
    };
  }, [ready, districts.data, geo.data, report, ctx]);
  return option;
}
