/**
 * Ctrl+C (SIGINT) and a scheduler's SIGTERM for a command that stops cleanly. The first asks it to stop; later ones
 * only hear that it is stopping. Node's default for a signal nobody listens to is to exit at once, and a second
 * Ctrl+C, or `timeout` signalling the command and its process group, would then kill the command halfway through
 * reporting what it kept. Returns the function that puts the default back, once the command has finished stopping.
 */
export function onStopSignals(stop: () => void, again: () => void): () => void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) return again();
    stopping = true;
    stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
}

/** Resolves at the first stop signal; any later one, until `release` is called, only prints `stillStopping`. */
export function untilStopSignal(say: (text: string) => void, stillStopping: string): { stopped: Promise<void>; release: () => void } {
  let release = () => undefined as void;
  const stopped = new Promise<void>((resolve) => {
    release = onStopSignals(resolve, () => say(stillStopping));
  });
  return { stopped, release };
}
