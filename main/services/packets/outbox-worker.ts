import type { ApiContext } from '../../api/context';
import { OUTBOX_ACTOR, recoverInterruptedSends, sendOutbox, type OutboxRun } from './outbox';
import { smtpUrlFromSettings } from './packet-settings';

export interface OutboxWorkerOptions {
  /** The SMTP address for each round; default: from settings. Undefined -> nothing is sent this round. */
  smtpUrl?: () => string | undefined;
  /** Told about every round that did something or failed (the app logs it; tests watch it). */
  onRound?: (result: { run?: OutboxRun; error?: Error }) => void;
}

/**
 * The desktop app's outbox: every interval it sends the packets that are due. Rounds never overlap; a packet's own
 * retry schedule (next_attempt_at) is the backoff, so an offline machine costs one cheap query per round.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private stopped = true;
  private intervalMs = 60_000;

  constructor(private readonly ctx: ApiContext, private readonly opts: OutboxWorkerOptions = {}) {}

  get running(): boolean {
    return !this.stopped;
  }

  /** Marks packets left mid-send by a stopped app as unknown, then runs a round now and every intervalMs. */
  start(intervalMs = 60_000): void {
    if (!this.stopped) return;
    if (!Number.isFinite(intervalMs) || intervalMs < 100) throw new Error(`The outbox interval must be at least 100 ms, not ${intervalMs}.`);
    this.intervalMs = intervalMs;
    this.stopped = false;
    recoverInterruptedSends(this.ctx);
    this.schedule(0);
  }

  /** Stops the timer and waits for a round in progress to record its result. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.round;
  }

  /** One round now (unless one is running); resolves when it is recorded. */
  runOnce(): Promise<void> {
    if (!this.round) {
      this.round = this.sendRound().finally(() => {
        this.round = undefined;
      });
    }
    return this.round;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runOnce().then(() => this.schedule(this.intervalMs));
    }, delayMs);
    this.timer.unref?.();
  }

  private async sendRound(): Promise<void> {
    try {
      const url = this.opts.smtpUrl ? this.opts.smtpUrl() : smtpUrlFromSettings(this.ctx);
      if (!url) return;
      const run = await sendOutbox(this.ctx, { smtpUrl: url, by: OUTBOX_ACTOR });
      if (run.attempted > 0 || run.interrupted.length > 0) this.opts.onRound?.({ run });
    } catch (err) {
      this.opts.onRound?.({ error: err instanceof Error ? err : new Error(String(err)) });
    }
  }
}
