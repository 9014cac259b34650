import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/**
 * Answers a request the client has already cancelled (the user typed on, the view closed) with
 * RequestCancelled instead of working on it. The service's work is synchronous, so the token is
 * read before it starts; a burst of keystrokes then costs one answer, for the newest request.
 */
export function unlessCancelled<P, R>(
  handler: (params: P) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
  return async (params, token) => {
    if (token.isCancellationRequested) return cancelledRequest();
    const result = await handler(params);
    return token.isCancellationRequested ? cancelledRequest() : result;
  };
}

/** The answer to a request the client cancelled. */
export function cancelledRequest(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}
