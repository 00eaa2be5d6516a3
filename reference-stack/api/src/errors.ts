/**
 * A problem the operator can fix (configuration, a missing or unreadable file, a bad argument). The
 * entry points (server, retention job, conformance CLI) print its message as one line and exit 2.
 * The API keeps its own: it stands alone, without the scanner's internals.
 */
export class ConfigError extends Error {
  constructor(message: string, readonly file?: string) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'ConfigError';
  }
}
