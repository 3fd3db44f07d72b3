import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

export interface CpuWindow {
  /** CPU time of this process (all its threads) over wall time. */
  ownCores: number;
  /** CPU time of every other process on the machine over wall time: what competed with the measurement. */
  otherCores: number;
  /** Cores idle while waiting for the disk, and cores taken by the hypervisor (Linux only, else 0). */
  ioWaitCores: number;
  stealCores: number;
  wallMs: number;
}

/**
 * Starts a measurement window; calling the returned function ends it. Shared build machines run other jobs, and
 * a parallelism figure means little without knowing how many cores were free, so both are reported.
 */
export function startCpuWindow(): () => CpuWindow {
  const startedAt = performance.now();
  const ownBefore = process.cpuUsage();
  const busyBefore = machineBusyMs();
  const linuxBefore = linuxWaitsMs();
  return () => {
    const wallMs = performance.now() - startedAt;
    const own = process.cpuUsage(ownBefore);
    const ownMs = (own.user + own.system) / 1000;
    const otherMs = Math.max(0, machineBusyMs() - busyBefore - ownMs);
    const linuxAfter = linuxWaitsMs();
    return {
      ownCores: ownMs / wallMs,
      otherCores: otherMs / wallMs,
      ioWaitCores: (linuxAfter.ioWait - linuxBefore.ioWait) / wallMs,
      stealCores: (linuxAfter.steal - linuxBefore.steal) / wallMs,
      wallMs,
    };
  };
}

function machineBusyMs(): number {
  return cpus().reduce((sum, cpu) => sum + cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq, 0);
}

/** iowait and steal from /proc/stat's "cpu" line, in milliseconds (USER_HZ is 100 on Linux). */
function linuxWaitsMs(): { ioWait: number; steal: number } {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    return { ioWait: (fields[4] ?? 0) * 10, steal: (fields[7] ?? 0) * 10 };
  } catch {
    return { ioWait: 0, steal: 0 };
  }
}
