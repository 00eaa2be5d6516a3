/**
 * An error the user can fix (bad input, bad configuration, bad policy). The CLI prints its message as
 * one line on stderr and exits 2; anything else is a bug.
 */
export class InputError extends Error {
  constructor(message: string, readonly file?: string) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'InputError';
  }
}
