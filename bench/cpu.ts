import { execSync } from 'node:child_process';
import fs from 'node:fs';

/** CPU time of this process so far (user + system), in ms. */
export function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

let ticksPerSecond: number | undefined;

/**
 * CPU time so far of the local PostgreSQL server's processes (postmaster, backends, WAL writer …), in ms,
 * read from /proc; null where there is no /proc or no local PostgreSQL (a server on another machine). A
 * backend that ended between two readings takes its time with it, so compare readings over a run in which
 * the pool's connections stay open.
 */
export function postgresCpuMs(): number | null {
  if (!fs.existsSync('/proc/self/stat')) return null;
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  let ticks = 0;
  let found = false;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // "pid (comm) state …": the name may hold spaces, so the fields are counted after its closing bracket
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    if (!comm.startsWith('postgres')) continue;
    const fields = stat.slice(close + 2).split(' ');
    // fields[0] is the state (field 3); utime and stime are fields 14 and 15
    ticks += Number(fields[11]) + Number(fields[12]);
    found = true;
  }
  return found ? (ticks * 1000) / ticksPerSecond : null;
}
