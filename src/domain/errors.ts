// The small closed set of errors a person can be told about. Anything else is a bug (logged with a reference).

/** A rule stops the action: the period is closed, someone else confirmed first, the entry changed meanwhile. */
export class RuleError extends Error {
  constructor(
    /** Thai sentence for the person, saying what happened and what to do. */
    message: string,
    readonly code: string = 'rule',
  ) {
    super(message);
  }
}

/** The actor's role or scope does not allow the action. */
export class NotAuthorisedError extends RuleError {
  constructor(message = 'ขออภัย คุณไม่มีสิทธิ์ทำรายการนี้') {
    super(message, 'not-authorised');
  }
}
