/** One measured number, printed by bench/run.mjs and saved to bench-results/. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The budget in words, e.g. ">= 0.7x". */
  target?: string;
  /** Whether value meets target; absent for informational numbers. */
  pass?: boolean;
}

export interface BenchOptions {
  /** Small sizes: a smoke test that the bench runs, not a measurement to trust. */
  quick: boolean;
  log: (line: string) => void;
}
