/** What crosses every boundary (IPC, HTTP, CLI): a value or an error, never a thrown exception. */
export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'failed' | 'forbidden';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by handlers for expected failures; the dispatcher turns it into an error envelope. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new ApiFailure('not_found', message);
export const conflict = (message: string) => new ApiFailure('conflict', message);
export const invalid = (message: string) => new ApiFailure('invalid_input', message);
export const failed = (message: string) => new ApiFailure('failed', message);
