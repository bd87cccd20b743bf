/**
 * A problem with what the user asked for (a bad flag, a missing path, an unreadable zip) rather than with
 * the package. Edges turn it into exit status 2 (CLI) or a failed step (Action), with this message.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The flag, input or file the message is about, so each edge can name it in its own terms. */
    readonly subject?: string
  ) {
    super(message)
    this.name = 'UsageError'
  }
}
