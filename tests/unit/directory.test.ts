import { strict as assert } from "assert";
import type { QrdlRecord, QrdlTarget } from "../../provider/client/operations";
import { QrdlDirectory } from "../../provider/lifecycle/directory";

const TARGET: QrdlTarget = { phoneNumber: "8615800000000" };

function record(qrdlCode: string): QrdlRecord {
  return { phoneNumber: TARGET.phoneNumber, qrdlCode, prefilledMessage: "m", generateQrImage: "PNG", deepLinkUrl: "", qrImageUrl: "" };
}

/** A number whose codes the test sets, and a clock that stands still unless moved. */
function fixture() {
  const state = { codes: ["A"], listings: 0, now: 1_000 };
  const directory = new QrdlDirectory(
    {
      listQrdls: async () => {
        state.listings++;
        return state.codes.map(record);
      },
    },
    10_000,
    () => state.now,
  );
  return { state, directory };
}

describe("the directory of codes", () => {
  it("a listing asked to be fresh is sent after the request, even within the same millisecond", async () => {
    const { state, directory } = fixture();
    await directory.list(TARGET);
    state.codes = ["A", "B"];
    const fresh = await directory.list(TARGET, 0);
    assert.deepEqual([...fresh.keys()], ["A", "B"], "a listing from before the request was passed off as fresh");
  });

  it("a fresh listing never joins one that was already on its way", async () => {
    const { state, directory } = fixture();
    const earlier = directory.list(TARGET, 0);
    state.codes = ["A", "B"];
    const fresh = await directory.list(TARGET, 0);
    await earlier;
    assert.deepEqual([...fresh.keys()], ["A", "B"]);
    assert.equal(state.listings, 2);
  });

  it("changes asked for together share one listing taken after all of them", async () => {
    const { state, directory } = fixture();
    const ticket = directory.ticket();
    await Promise.all([directory.listAfter(TARGET, ticket), directory.listAfter(TARGET, ticket), directory.listAfter(TARGET, ticket)]);
    assert.equal(state.listings, 1);
  });

  it("changes asked for while a listing is on its way share the next one, which is sent after all of them", async () => {
    const { state, directory } = fixture();
    const first = directory.listAfter(TARGET, directory.ticket());
    state.codes = ["A", "B"];
    const burst = await Promise.all([1, 2, 3].map(() => directory.listAfter(TARGET, directory.ticket())));
    await first;
    assert.equal(state.listings, 2, "one listing in flight, one for everyone who asked meanwhile");
    for (const listing of burst) assert.deepEqual([...listing.records.keys()], ["A", "B"]);
  });

  it("reads within the maximum age share a cached listing", async () => {
    const { state, directory } = fixture();
    await directory.list(TARGET);
    state.now += 5_000;
    await directory.list(TARGET);
    assert.equal(state.listings, 1);
  });

  it("a code forgotten after an update reissued it is not found by later reads", async () => {
    const { directory } = fixture();
    await directory.list(TARGET);
    directory.forget(TARGET, "A");
    directory.learn(TARGET, record("A2"));
    const codes = await directory.list(TARGET);
    assert.deepEqual([...codes.keys()], ["A2"]);
  });
});
