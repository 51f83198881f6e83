import type { CamsError } from "../errors/camsError";
import { serviceError, unusableAnswer } from "../errors/classify";
import { Answer, Unusable, isSuccess, readAnswer } from "./answers";
import type { OperationName } from "./operations";
import type { WireAnswer } from "./transport";

/** What an operation takes from a successful answer's Data: its result, or why it cannot be used. */
export type DataReader<T> = (data: unknown) => T | Unusable;

/**
 * An answer as the operation's result or as a CamsError. Only what the operation needs is required;
 * an answer that cannot be read at all, or lacks what is needed, may follow a commit: outcome unknown.
 */
export function interpretAnswer<T>(operation: OperationName, wire: WireAnswer, read: DataReader<T>): { value: T } | { error: CamsError } {
  const answer: Answer | undefined = readAnswer(wire.text);
  if (!answer) {
    return { error: unusableAnswer(operation, wire.status, `the answer (HTTP ${wire.status}) is not a CAMS answer: no JSON body with a Code`) };
  }
  const ok = wire.status >= 200 && wire.status < 300;
  if (!ok || !isSuccess(answer)) {
    const code = isSuccess(answer) ? `HTTP${wire.status}` : answer.code;
    return { error: serviceError(operation, { code, message: answer.message, requestId: answer.requestId, httpStatus: wire.status, accessDeniedDetail: answer.accessDeniedDetail }) };
  }
  const value = read(answer.data);
  if (isUnusable(value)) return { error: unusableAnswer(operation, wire.status, value.unusable, answer.requestId) };
  return { value };
}

function isUnusable(value: unknown): value is Unusable {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "unusable" in value;
}
