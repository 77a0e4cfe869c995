/** Rejections seen while watching that nothing has handled since. */
export interface LateRejections {
  /** Throws the first rejection still unhandled, if any. */
  throwIfUnhandled(): void;
  /** Stops watching; Node's own handling applies again. */
  stop(): void;
}

/**
 * Watches for rejections that are handled late. Eleventy starts copying passthrough files before it
 * awaits its templates, and handles that copy's failure only once they are rendered: until then Node
 * counts it unhandled and, by default, ends the process on the spot, with a stack trace and the
 * half-written site left behind. While watched, such a rejection waits for its handler instead; one
 * that never gets one fails the build through {@link LateRejections.throwIfUnhandled}.
 */
export function watchLateRejections(): LateRejections {
  const pending = new Map<Promise<unknown>, unknown>();
  const onUnhandled = (reason: unknown, promise: Promise<unknown>) => pending.set(promise, reason);
  const onHandled = (promise: Promise<unknown>) => pending.delete(promise);
  process.on('unhandledRejection', onUnhandled);
  process.on('rejectionHandled', onHandled);
  return {
    throwIfUnhandled() {
      for (const reason of pending.values()) throw reason;
    },
    stop() {
      process.off('unhandledRejection', onUnhandled);
      process.off('rejectionHandled', onHandled);
    },
  };
}
