import { timeCommand } from './child-process';

/** Child entry: import the module, call the export with the JSON arguments, print the result and the peak RSS. */
const CHILD_SOURCE = `
const module = await import(process.env.GENLOG_BENCH_MODULE);
const args = JSON.parse(process.env.GENLOG_BENCH_ARGS);
const result = await module[process.env.GENLOG_BENCH_EXPORT](...args);
process.stdout.write(JSON.stringify({ result, maxRssKb: process.resourceUsage().maxRSS }));
`;

export interface FreshRun<T> {
  result: T;
  /** Peak resident set size of the whole child process (all threads), as the OS counted it. */
  maxRssBytes: number;
  wallMs: number;
}

/**
 * Calls `moduleUrl`'s export `exportName(...args)` in a new Node process, so that its peak memory is its own and
 * not inflated by whatever the benchmark allocated before (test files, other benches).
 */
export async function runInFreshProcess<T>(moduleUrl: string, exportName: string, args: unknown[]): Promise<FreshRun<T>> {
  if (!moduleUrl.startsWith('file:')) throw new Error(`Cannot load ${moduleUrl} in a child process: not a file URL`);
  const env = {
    ...process.env,
    GENLOG_BENCH_MODULE: moduleUrl,
    GENLOG_BENCH_EXPORT: exportName,
    GENLOG_BENCH_ARGS: JSON.stringify(args),
  };
  const run = await timeCommand(process.execPath, ['--input-type=module', '-e', CHILD_SOURCE], env);
  const report = JSON.parse(run.stdout) as { result: T; maxRssKb: number };
  return { result: report.result, maxRssBytes: report.maxRssKb * 1024, wallMs: run.wallMs };
}
