/**
 * @module
 * The CLI's exit statuses, so a supervisor (systemd, a container platform, CI) can tell what happened.
 */
export const EXIT = {
  /** Shut down cleanly: every request answered, every background task finished. */
  ok: 0,
  /** The app failed: it could not be loaded, could not listen, crashed, or its teardown failed. */
  error: 1,
  /** The command line was wrong. */
  usage: 2,
  /** Shut down at a deadline: requests or background tasks were cut off (or a second signal forced it). */
  forced: 3,
} as const
