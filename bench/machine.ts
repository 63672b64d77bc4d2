import { createHash } from 'node:crypto';
import os from 'node:os';

/**
 * What machine the numbers come from: cores, CPU model, and the time of two fixed single-thread workloads,
 * so that runs on different machines can be compared (the same code measured 2,202 and 993–1,324 list
 * requests/s on two machines of the same size). Taken before the benchmarks, while the machine is idle.
 */
export function machineLine(): string {
  const data = Buffer.alloc(64 * 1024 * 1024, 7);
  const t0 = performance.now();
  createHash('sha256').update(data).digest('hex');
  const hashMs = performance.now() - t0;
  // about the size of a household list page's answer (25 rows)
  const page = {
    items: Array.from({ length: 25 }, (_, i) => ({
      id: `5bb65fff-4b33-8d90-b2ff-6b7170${String(i).padStart(6, '0')}`,
      caseNumber: `BA-2026-${String(i).padStart(4, '0')}`,
      siteId: 'effb35a7-f982-4311-ac61-ac901986281f',
      category: 'refugee',
      registeredOn: '2026-11-30',
      districtCode: '01',
      status: 'active',
      headName: 'Müller-Lüdenscheidt, Anna Maria',
      memberCount: 4,
      lastContactOn: '2026-12-01',
    })),
    total: 29_378,
    page: 1,
    pageSize: 25,
  };
  const t1 = performance.now();
  let size = 0;
  for (let i = 0; i < 20_000; i++) size += JSON.parse(JSON.stringify(page)).items.length;
  const jsonMs = performance.now() - t1;
  if (size !== 500_000) throw new Error('calibration went wrong');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return (
    `machine: ${os.cpus().length} cores (${cpu}); one thread: SHA-256 of 64 MiB ${hashMs.toFixed(0)} ms, ` +
    `20,000 JSON round trips of a list page ${jsonMs.toFixed(0)} ms; load ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`
  );
}
