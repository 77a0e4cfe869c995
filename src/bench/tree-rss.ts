import { readdirSync, readFileSync } from 'node:fs';

/**
 * Samples the summed resident memory of a process and all its descendants, from Linux's /proc, at
 * each `everyMs`. `/usr/bin/time` reports the largest single process; a build that runs Pagefind
 * processes beside Node needs their sum from the machine, which this measures. Sampling misses
 * peaks shorter than the interval, and each sample reads a few files per process on the machine.
 * Returns a function that stops sampling and gives the peak in bytes, or `undefined` without /proc.
 */
export function sampleTreeRss(rootPid: number, everyMs = 250): () => number | undefined {
  let peak: number | undefined;
  const sample = () => {
    const total = treeRss(rootPid);
    if (total !== undefined) peak = Math.max(peak ?? 0, total);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/** The summed RSS of `rootPid` and its descendants now, in bytes; `undefined` without /proc. */
export function treeRss(rootPid: number): number | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent === undefined) continue;
    const siblings = children.get(parent);
    if (siblings) siblings.push(Number(pid));
    else children.set(parent, [Number(pid)]);
  }
  let total = 0;
  const queue = [rootPid];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    total += residentBytes(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** The parent of a process, from /proc/PID/stat (the command name may hold spaces and brackets). */
function parentOf(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    // The process ended between the listing and the read.
    return undefined;
  }
}

function residentBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
