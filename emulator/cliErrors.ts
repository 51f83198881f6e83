/** Thrown for a flag the CLI cannot use; the message says which and why. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliUsageError";
  }
}
