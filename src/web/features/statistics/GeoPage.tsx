import { Button, FileInput, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, request } from '../../app/api';
import { useReference } from '../../app/queries';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Page } from '../../ui/Page';
import { statisticsKeys, useDistrictGeo } from './api';
import { Chart } from './charts/Chart';
import { registerDistrictMap } from './charts/hexmap';
import { districtMapOption } from './charts/mapOption';
import { StatTable } from './StatTable';
import './statistics.css';
import { notifySuccess } from '../../ui/notify';

/** As the server checks it (PUT /api/geo/districts). */
const maxBytes = 5 * 1024 * 1024;
/** The geo API's own problem texts the server does not translate, worded by the UI. */
const problemKeys: Record<string, string> = {
  'too large': 'tooLarge',
  'too many points': 'tooManyPoints',
  'ring not closed': 'ringNotClosed',
  'duplicate district': 'duplicateDistrict',
};

class FileProblem extends Error {}

/** Administration: the district boundaries the report's map draws (an upload, or a schematic map). */
export function GeoPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const districts = useReference('districts');
  const geo = useDistrictGeo();
  const [file, setFile] = useState<File | null>(null);
  const [confirming, setConfirming] = useState(false);

  const upload = useMutation({
    mutationFn: async (f: File) => {
      if (f.size > maxBytes) throw new FileProblem(t('statistics.geo.problems.tooLarge'));
      let body: unknown;
      try {
        body = JSON.parse(await f.text());
      } catch {
        throw new FileProblem(t('statistics.geo.notJson'));
      }
      return api.put<{ features: number; codes: string[] }>('/api/geo/districts', body);
    },
    onSuccess: async (result) => {
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: statisticsKeys.geo });
      notifySuccess(t('statistics.geo.uploaded', { count: result.features }));
    },
  });
  const remove = useMutation({
    mutationFn: () => request<void>('DELETE', '/api/geo/districts'),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: statisticsKeys.geo });
      notifySuccess(t('statistics.geo.removed'));
    },
  });

  const uploaded = geo.data ?? null;
  const inFile = new Set(uploaded?.features.map((f) => f.properties.code) ?? []);
  const preview = useMemo(() => {
    if (!districts.data || geo.isLoading) return null;
    const labels = new Map(districts.data.map((d) => [d.code, d.label]));
    const active = districts.data.filter((d) => d.active).map((d) => d.code);
    const map = registerDistrictMap(uploaded, active);
    const empty = { items: [], total: { count: 0 } };
    return districtMapOption(empty, map, labels, { t, print: false }, false);
  }, [districts.data, uploaded, geo.isLoading, t]);

  const problems = problemList(upload.error, t);

  return (
    <Page title={t('statistics.geo.title')}>
      <Text maw={760}>{t('statistics.geo.intro')}</Text>
      <ErrorAlert error={geo.error ?? districts.error} />
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('statistics.geo.current')}
          </Title>
          <Text data-testid="geo-status">
            {uploaded
              ? t('statistics.geo.statusUploaded', { count: uploaded.features.length })
              : t('statistics.geo.statusSchematic')}
          </Text>
          {preview ? <Chart option={preview} height={360} label={t('statistics.geo.previewLabel')} /> : null}
          {uploaded ? (
            <Group>
              <Button variant="default" color="red" onClick={() => setConfirming(true)}>
                {t('statistics.geo.remove')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (file) upload.mutate(file);
          }}
          noValidate
        >
          <Stack gap="sm" maw={640}>
            <Title order={2} size="h3">
              {t('statistics.geo.upload')}
            </Title>
            <FileInput
              label={t('statistics.geo.file')}
              description={t('statistics.geo.fileHint')}
              accept=".geojson,.json,application/geo+json,application/json"
              clearable
              clearButtonProps={{ 'aria-label': t('statistics.geo.clearFile') }}
              value={file}
              onChange={(f) => {
                setFile(f);
                upload.reset();
              }}
              error={problems.length > 0}
            />
            {problems.length ? (
              <div role="alert">
                <Text fw={700} c="red.9">
                  {t('statistics.geo.rejected')}
                </Text>
                <List size="sm">
                  {problems.map((p) => (
                    <List.Item key={p}>{p}</List.Item>
                  ))}
                </List>
              </div>
            ) : upload.error && !(upload.error instanceof FileProblem) ? (
              <ErrorAlert error={upload.error} />
            ) : null}
            <Group>
              <Button type="submit" disabled={!file} loading={upload.isPending}>
                {t('statistics.geo.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      <section aria-labelledby="geo-districts">
        <Title order={2} size="h3" id="geo-districts" mb="xs">
          {t('statistics.geo.districts')}
        </Title>
        <StatTable
          caption={t('statistics.geo.districts')}
          columns={[t('statistics.geo.code'), t('statistics.geo.name'), t('statistics.geo.inFile')]}
          textColumns={2}
          rows={(districts.data ?? []).map((d) => ({
            key: d.code,
            label: <code>{d.code}</code>,
            cells: [
              d.label,
              uploaded ? (inFile.has(d.code) ? t('statistics.geo.yes') : t('statistics.geo.no')) : '–',
            ],
          }))}
        />
      </section>

      <ConfirmDialog
        opened={confirming}
        title={t('statistics.geo.removeTitle')}
        message={t('statistics.geo.removeText')}
        confirmLabel={t('statistics.geo.remove')}
        loading={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirming(false)}
      />
      <ErrorAlert error={remove.error} />
    </Page>
  );
}

/** The upload's problems in words: a local check, or the server's field issues ("Bezirk 3: …"). */
function problemList(error: unknown, t: (key: string, o?: Record<string, unknown>) => string): string[] {
  if (error instanceof FileProblem) return [error.message];
  if (!(error instanceof ApiError) || error.fieldIssues.length === 0) return [];
  return error.fieldIssues.map((issue) => {
    const key = problemKeys[issue.message];
    const message = key ? t(`statistics.geo.problems.${key}`) : issue.message;
    const feature = /^features\.(\d+)/.exec(issue.path);
    return feature
      ? t('statistics.geo.problemAt', { n: Number(feature[1]) + 1, path: issue.path, message })
      : t('statistics.geo.problemPlain', { path: issue.path, message });
  });
}
