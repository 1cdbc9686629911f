/**
 * Ctrl-C or SIGTERM while a command holds a browser: close it (which also removes its temporary
 * profile) and exit 130, as shells report an interrupt. A second signal exits at once.
 */
export function closeOnInterrupt(cleanup: () => Promise<void>, onInterrupt?: () => void): () => void {
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
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
