import type { ApiContext } from '../../api/context';

/** What the API needs of a running watcher: to pick up added, removed, enabled or disabled folders. */
export interface ReloadableRunner {
  reload(): Promise<void>;
}

const runners = new WeakMap<ApiContext, ReloadableRunner>();

export function registerRunner(ctx: ApiContext, runner: ReloadableRunner | null): void {
  if (runner) runners.set(ctx, runner);
  else runners.delete(ctx);
}

/** Tells the context's running watcher (the desktop app's) that watch folders changed; a failure is its to report. */
export function watchFoldersChanged(ctx: ApiContext): void {
  void runners.get(ctx)?.reload().catch(() => undefined);
}
