import { z } from "zod";

/** Failures the emulator injects on purpose, to exercise a client's error handling. */
export interface EmulatorFaults {
  /** 0..1: answer 500 InternalError or 503 ServiceUnavailable before doing anything. */
  errorRate: number;
  /** 0..1: commit and persist the change, then destroy the socket without a response. */
  dropAfterCommitRate: number;
  /** 0..1: extra System.LimitControl answers on top of the QPS limit. */
  throttleRate: number;
  /** Added to every API response. */
  latencyMs: number;
  /** 0..1: chance of adding `latencySpikeMs` on top of `latencyMs`. */
  latencySpikeRate: number;
  latencySpikeMs: number;
  /** Seed of the dice that decide when a fault fires, so a run can be replayed; null draws from Math.random. */
  seed: number | null;
}

/** How the emulated service behaves; changeable at run time with `configure` or the admin API. */
export interface EmulatorBehaviour {
  /** Requests per sliding 1000 ms window per AccessKeyId, all four operations together; 0 = unlimited. */
  qpsPerAccessKey: number;
  /** "reissue": Update issues a new QrdlCode and the old one disappears (the vendor page); "keep": the code stays (Meta's API). */
  updateMode: "reissue" | "keep";
  /** Every call answers Product.Unsubscript. */
  unsubscribed: boolean;
  /** RAM actions denied to every caller, e.g. "cams:UpdatePhoneMessageQrdl". */
  deniedActions: string[];
  /** null = every phone number belongs to the caller; otherwise others answer Unknown.ResourceOwnerId. */
  ownedPhoneNumbers: string[] | null;
  /** Same for CustSpaceId; a call without CustSpaceId always passes. */
  ownedSpaceIds: string[] | null;
  /** Codes allowed per phone number (Meta allows 2000); Create beyond answers QrdlCode.QuotaExceeded. */
  maxCodesPerNumber: number;
  /** Answer CAMS's business errors as HTTP 200 with Code other than "OK", as the real service may. */
  businessErrorsAsHttp200: boolean;
  faults: EmulatorFaults;
}

/** A change to the behaviour; `faults` merges field by field. */
export type BehaviourPatch = Partial<Omit<EmulatorBehaviour, "faults">> & { faults?: Partial<EmulatorFaults> };

/** The behaviour of a healthy, subscribed account with the documented limits. */
export const DEFAULT_BEHAVIOUR: EmulatorBehaviour = {
  qpsPerAccessKey: 5,
  updateMode: "reissue",
  unsubscribed: false,
  deniedActions: [],
  ownedPhoneNumbers: null,
  ownedSpaceIds: null,
  maxCodesPerNumber: 2000,
  businessErrorsAsHttp200: false,
  faults: {
    errorRate: 0,
    dropAfterCommitRate: 0,
    throttleRate: 0,
    latencyMs: 0,
    latencySpikeRate: 0,
    latencySpikeMs: 0,
    seed: null,
  },
};

const rate = z.number().min(0).max(1);
const milliseconds = z.number().int().min(0).max(600_000);

/** Validates a behaviour patch, whether it comes from code, the admin API or the CLI. @internal zod stays out of the published declarations. */
export const behaviourPatchSchema = z.strictObject({
  qpsPerAccessKey: z.number().int().min(0).optional(),
  updateMode: z.enum(["reissue", "keep"]).optional(),
  unsubscribed: z.boolean().optional(),
  deniedActions: z.array(z.string()).optional(),
  ownedPhoneNumbers: z.array(z.string()).nullable().optional(),
  ownedSpaceIds: z.array(z.string()).nullable().optional(),
  maxCodesPerNumber: z.number().int().min(1).optional(),
  businessErrorsAsHttp200: z.boolean().optional(),
  faults: z
    .strictObject({
      errorRate: rate,
      dropAfterCommitRate: rate,
      throttleRate: rate,
      latencyMs: milliseconds,
      latencySpikeRate: rate,
      latencySpikeMs: milliseconds,
      seed: z.number().int().min(0).max(0xffffffff).nullable(),
    })
    .partial()
    .optional(),
});

/** Thrown when a behaviour patch has an unknown field or a value out of range; the message lists each. */
export class InvalidBehaviourError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidBehaviourError";
  }
}

/** The behaviour after applying a patch, which is validated first. */
export function mergeBehaviour(base: EmulatorBehaviour, patch: unknown): EmulatorBehaviour {
  const parsed = behaviourPatchSchema.safeParse(patch);
  if (!parsed.success) throw new InvalidBehaviourError(`Invalid emulator behaviour:\n${z.prettifyError(parsed.error)}`);
  const { faults, ...rest } = parsed.data;
  return structuredClone({ ...base, ...rest, faults: { ...base.faults, ...faults } });
}
