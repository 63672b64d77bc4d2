import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Breakdown } from '../../../shared/schemas/statistics';
import { useReference } from '../../app/queries';
import { useDistrictGeo } from '../statistics/api';
import { Chart } from '../statistics/charts/Chart';
import { registerDistrictMap } from '../statistics/charts/hexmap';
import { districtMapOption } from '../statistics/charts/mapOption';

/**
 * The statistics page's district map (uploaded boundaries or the schematic map), coloured by the number
 * of gaps per district. The numbers are in the table next to it.
 */
export function GapMap({
  gapsByDistrict,
  districtCodes,
}: {
  gapsByDistrict: Map<string, number>;
  districtCodes: string[];
}) {
  const { t } = useTranslation();
  const districts = useReference('districts');
  const geo = useDistrictGeo();
  const ready = (districts.isSuccess || districts.isError) && (geo.isSuccess || geo.isError);
  const chart = useMemo(() => {
    if (!ready) return null;
    const labels = new Map((districts.data ?? []).map((d) => [d.code, d.label]));
    const data: Breakdown = {
      items: districtCodes.map((code) => ({
        code,
        label: labels.get(code) ?? code,
        count: gapsByDistrict.get(code) ?? 0,
      })),
      total: { count: [...gapsByDistrict.values()].reduce((a, b) => a + b, 0) },
    };
    const map = registerDistrictMap(geo.data ?? null, districtCodes);
    return {
      option: districtMapOption(data, map, labels, { t, print: false }),
      height: map.uploaded ? 460 : Math.max(320, Math.ceil(map.codes.length / 4) * 125 + 60),
    };
  }, [ready, districts.data, geo.data, districtCodes, gapsByDistrict, t]);
  if (!chart) return null;
  return <Chart option={chart.option} height={chart.height} label={t('network.survey.mapLabel')} />;
}
