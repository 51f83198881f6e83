import type { CamsClient } from "../../provider/client/camsClient";
import { CamsError } from "../../provider/errors/camsError";

/** What happens to one call of an operation, chosen by the test. */
export type CallFate =
  /** Goes through untouched. */
  | "answered"
  /** CAMS carries it out, and the answer is lost. */
  | "committedThenLost"
  /** The answer is lost before CAMS did anything. */
  | "lostUncommitted"
  /** The answer is lost at once, and CAMS carries the call out `ms` later. */
  | { commitAfterMs: number }
  /** CAMS carries it out; the answer arrives `ms` later. */
  | { answerAfterMs: number }
  /** CAMS carries it out (unless `committed` is false), `meanwhile` runs, and the answer is lost. */
  | { meanwhile: () => Promise<unknown>; committed?: boolean }
  /** The call fails with an unrecoverable network error, sent or not. */
  | "unreachable";

type Operation = "createQrdl" | "updateQrdl" | "listQrdls";

/** The fates of the next calls of each operation, in order; calls beyond the list go through untouched. */
export type Script = Partial<Record<Operation, CallFate[]>>;

/** A lost answer as the client reports it. */
export function lostAnswer(operation: string): CamsError {
  return new CamsError({ code: "NetworkError", serviceMessage: "connection lost before the answer arrived", operation, retryable: true, outcomeUnknown: true });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wraps a provider's client so chosen calls lose their answer, commit late or answer slowly. */
export function scripted(script: Script): (client: CamsClient) => CamsClient {
  return (client) => {
    const wrapped = Object.create(client) as CamsClient;
    for (const operation of ["createQrdl", "updateQrdl", "listQrdls"] as const) {
      const real = (client[operation] as (req: never) => Promise<unknown>).bind(client);
      (wrapped as unknown as Record<string, unknown>)[operation] = async (req: never) => {
        const fate = script[operation]?.shift();
        if (fate === undefined || fate === "answered") return real(req);
        if (fate === "committedThenLost") {
          await real(req);
          throw lostAnswer(operation);
        }
        if (fate === "lostUncommitted") throw lostAnswer(operation);
        if (fate === "unreachable") throw new CamsError({ code: "NetworkError", serviceMessage: "unreachable", operation, retryable: false });
        if ("commitAfterMs" in fate) {
          setTimeout(() => void real(req).catch(() => undefined), fate.commitAfterMs);
          throw lostAnswer(operation);
        }
        if ("answerAfterMs" in fate) {
          const answer = await real(req);
          await sleep(fate.answerAfterMs);
          return answer;
        }
        if (fate.committed !== false) await real(req);
        await fate.meanwhile();
        throw lostAnswer(operation);
      };
    }
    return wrapped;
  };
}
