import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { QrdlContent, QrdlRecord, QrdlTarget } from "../../provider/client/operations";
import { targetKey } from "../../provider/client/operations";
import { ClaimRegistry, contentKey } from "../../provider/lifecycle/claims";
import { digest, editBoard } from "../../provider/lifecycle/claimsBoard";
import { findMade } from "../../provider/lifecycle/settle";
import { successorOf } from "../../provider/lifecycle/successor";

const TARGET: QrdlTarget = { phoneNumber: "8615800000001" };
const CONTENT: QrdlContent = { prefilledMessage: "Hi, I'm at store 0 (rev 3)", generateQrImage: "PNG" };
const ENDPOINT = "127.0.0.1:1";

function code(qrdlCode: string): QrdlRecord {
  return { ...TARGET, ...CONTENT, qrdlCode, deepLinkUrl: "", qrImageUrl: "" };
}

describe("the machine's record of codes and changes", () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), "claims-test-"))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("a killed run's unanswered update and another stack's lost update of the same content each get one of the two codes", () => {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const file = path.join(root, digest(ENDPOINT), `${digest(targetKey(TARGET))}.json`);
    // What the killed run left: its update of K0 announced, never answered.
    editBoard(file, (board) => void (board.intents.killed = { owner: "killed", pid: dead, at: Date.now(), content: contentKey(CONTENT), state: "inFlight", fromCode: "K0" }));
    const stackB = new ClaimRegistry(ENDPOINT, new Set(), root);
    const intent = stackB.announce(targetKey(TARGET), CONTENT, "K1");
    stackB.mark(targetKey(TARGET), intent, "lost");
    const live = new Map([code("X0"), code("X1")].map((c) => [c.qrdlCode, c]));

    const b = findMade(stackB, TARGET, live, new Set(), CONTENT, "K1");
    assert.equal(b.kind, "done", `stack B refused both codes: ${JSON.stringify(b)}`);
    const rerun = successorOf(new ClaimRegistry(ENDPOINT, new Set(), root), TARGET, "K0", live);
    assert.ok(rerun && rerun !== "wait", `the rerun of the killed stack found no code: ${rerun}`);
    assert.notEqual(rerun.qrdlCode, b.kind === "done" ? b.record.qrdlCode : "", "both took the same code");
  });

  it("a code claimed by a running stack is never a candidate for another", () => {
    const stackA = new ClaimRegistry(ENDPOINT, new Set(), root);
    stackA.claim(targetKey(TARGET), "X0");
    const stackB = new ClaimRegistry(ENDPOINT, new Set(), root);
    const intent = stackB.announce(targetKey(TARGET), CONTENT);
    stackB.mark(targetKey(TARGET), intent, "lost");
    const live = new Map([code("X0")].map((c) => [c.qrdlCode, c]));
    assert.deepEqual(findMade(stackB, TARGET, live, new Set(), CONTENT), { kind: "refused" });
    assert.equal(stackB.claim(targetKey(TARGET), "X0", { exclusive: true }), false, "adopting a held code is refused");
  });
});
