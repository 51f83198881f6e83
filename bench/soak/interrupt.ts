import type { CamsEmulator } from "../../emulator";
import type { BenchStack } from "../engine/benchStack";
import { descendantsOf, listProcesses } from "../measure/processTree";
import { errorLines } from "./phase";

/** What happened to an `up` that was killed midway. */
export interface Interruption {
  /** Codes CAMS held on the stack's phone numbers when the kill was sent. */
  codesWhenKilled: number;
  /** The processes killed: the `pulumi up` engine and everything it started (the provider host). */
  killedProcesses: number;
  /** How the interrupted `up` ended, as the Automation API reported it (its first line). */
  upError: string;
}

/** The `pulumi up` this process started, and its descendants, found by walking /proc. */
function runningUpTree(): number[] {
  const processes = listProcesses();
  const engine = descendantsOf(process.pid, processes).find((p) => /(^|\/)pulumi up\b/.test(p.command));
  return engine ? [engine.pid, ...descendantsOf(engine.pid, processes).map((p) => p.pid)] : [];
}

/**
 * Runs `pulumi up` and, once CAMS holds `killAtCodes` codes on `phones`, SIGKILLs the engine and the
 * provider host together, the way a cancelled CI job or a lost machine ends them: no chance to save state.
 */
export async function upKilledMidway(bench: BenchStack, emulator: CamsEmulator, phones: string[], killAtCodes: number, timeoutMs = 300_000): Promise<Interruption> {
  const codes = () => emulator.codes().filter((c) => phones.includes(c.phoneNumber)).length;
  let finished = false;
  const up = bench.stack.up().then(
    () => "up completed before it could be interrupted",
    (error: unknown) => /Command was killed with [A-Z]+ \([^)]*\)/.exec(String(error))?.[0] ?? errorLines(error),
  ).finally(() => (finished = true));
  const deadline = Date.now() + timeoutMs;
  while (!finished && codes() < killAtCodes && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const codesWhenKilled = codes();
  const tree = finished ? [] : runningUpTree();
  for (const pid of tree) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      continue; // it exited between the walk and the kill
    }
  }
  return { codesWhenKilled, killedProcesses: tree.length, upError: await up };
}
