import { readFileSync } from "node:fs";
import { z } from "zod";
import type { StoredQrdl } from "../records";
import { writeFileAtomic } from "./atomicWrite";

const stateSchema = z.object({
  version: z.literal(1),
  codes: z.array(
    z.object({
      phoneNumber: z.string(),
      custSpaceId: z.string().optional(),
      qrdlCode: z.string(),
      prefilledMessage: z.string(),
      generateQrImage: z.enum(["PNG", "SVG"]),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
  // Absent in files written before nonces were kept here.
  nonces: z.record(z.string(), z.number()).optional(),
});

/** What the state file holds: the codes, and the signature nonces still able to replay (digest → ms epoch). */
export interface PersistedState {
  codes: StoredQrdl[];
  nonces: Record<string, number>;
}

/** Thrown when the state file cannot be read as emulator state; the message names the file and the problem. */
export class StateFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StateFileError";
  }
}

/** The JSON file several emulator runs share; it remembers the text it last saw so it re-parses only after another writer. */
export class StateFile {
  private seen: string | undefined;

  constructor(readonly path: string) {}

  /** Where the lock that serializes writers lives. */
  get lockPath(): string {
    return `${this.path}.lock`;
  }

  /** The state in the file if it changed since this object last read or wrote it; an absent file reads as empty. */
  readIfChanged(): PersistedState | undefined {
    const text = this.readText();
    if (text === this.seen) return undefined;
    const state = text === "" ? { codes: [], nonces: {} } : this.parse(text);
    this.seen = text;
    return state;
  }

  /** Replaces the file's content atomically. */
  write(state: PersistedState): void {
    const text = `${JSON.stringify({ version: 1, codes: state.codes, nonces: state.nonces }, null, 2)}\n`;
    writeFileAtomic(this.path, text);
    this.seen = text;
  }

  private readText(): string {
    try {
      return readFileSync(this.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
      throw new StateFileError(`Emulator state file ${this.path} cannot be read: ${(error as Error).message}`);
    }
  }

  private parse(text: string): PersistedState {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new StateFileError(`Emulator state file ${this.path} is not JSON: ${(error as Error).message}`);
    }
    const parsed = stateSchema.safeParse(json);
    if (!parsed.success) {
      throw new StateFileError(`Emulator state file ${this.path} is not a CAMS emulator state:\n${z.prettifyError(parsed.error)}`);
    }
    return { codes: parsed.data.codes, nonces: parsed.data.nonces ?? {} };
  }
}
