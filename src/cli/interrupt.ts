/**
 * Ctrl-C or SIGTERM while a command holds a browser: close it (which also removes its temporary
 * profile) and exit 130, as shells report an interrupt. A second signal exits at once.
 */
export interface InterruptGuard {
  /** Whether a signal came: the work it cut short failing is the interrupt, not an error. */
  readonly interrupted: boolean;
  /** Stops listening, once the browser is closed the ordinary way. */
  release(): void;
}

export function closeOnInterrupt(cleanup: () => Promise<void>, onInterrupt?: () => void): InterruptGuard {
  let interrupted = false;
  const handler = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    onInterrupt?.();
    void cleanup()
      .catch(() => undefined)
      .finally(() => process.exit(130));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    get interrupted() {
      return interrupted;
    },
    release() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
