import { readFileSync, statSync } from "node:fs";
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
});

const ABSENT = "absent";

/** The JSON file several emulator runs share; it remembers what it last saw so it re-reads only after another writer. */
export class StateFile {
  private seen: string | undefined;

  constructor(readonly path: string) {}

  /** The codes in the file if it changed since this object last read or wrote it; an absent file reads as empty. */
  readIfChanged(): StoredQrdl[] | undefined {
    const now = this.fingerprint();
    if (now === this.seen) return undefined;
    const codes = now === ABSENT ? [] : this.parse(readFileSync(this.path, "utf8"));
    this.seen = now;
    return codes;
  }

  /** Replaces the file's content atomically. */
  write(codes: readonly StoredQrdl[]): void {
    writeFileAtomic(this.path, `${JSON.stringify({ version: 1, codes }, null, 2)}\n`);
    this.seen = this.fingerprint();
  }

  // The inode is part of it because every atomic write renames a new file into place.
  private fingerprint(): string {
    try {
      const s = statSync(this.path, { bigint: true });
      return `${s.ino}:${s.mtimeNs}:${s.size}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return ABSENT;
      throw error;
    }
  }

  private parse(text: string): StoredQrdl[] {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`Emulator state file ${this.path} is not JSON: ${(error as Error).message}`);
    }
    const parsed = stateSchema.safeParse(json);
    if (!parsed.success) {
      throw new Error(`Emulator state file ${this.path} is not a CAMS emulator state:\n${z.prettifyError(parsed.error)}`);
    }
    return parsed.data.codes;
  }
}
