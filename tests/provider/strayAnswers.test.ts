import { strict as assert } from "assert";
import { QrdlProvider } from "../../provider/lifecycle/provider";
import { FAST_RETRY, UNLIMITED, emulatorConfig, inputs, useEmulator } from "./fixtures";
import { Rewrite, RewritingProxy, startRewritingProxy } from "./rewritingProxy";

/** Changes the Data of the first `times` Create answers with `change`; every other answer passes unchanged. */
function onCreates(times: number, change: (data: Record<string, unknown>) => Record<string, unknown>): Rewrite {
  let seen = 0;
  return (action, answer) => {
    if (action !== "CreatePhoneMessageQrdl" || seen++ >= times) return answer;
    return { status: answer.status, body: { ...answer.body, Data: change({ ...(answer.body.Data as Record<string, unknown>) }) } };
  };
}

describe("a create answered the way CAMS might leaves exactly one code, owned", () => {
  const emulator = useEmulator({ qpsPerAccessKey: 0 });
  let proxy: RewritingProxy | undefined;
  afterEach(() => proxy?.close());

  async function createThrough(rewrite: Rewrite, overrides: Record<string, unknown> = {}) {
    proxy = await startRewritingProxy(emulator().endpoint, rewrite);
    const provider = new QrdlProvider({ config: emulatorConfig(emulator(), { ...UNLIMITED, "cams:endpoint": proxy.endpoint }), env: {}, retry: FAST_RETRY });
    const created = await provider.create(inputs(overrides));
    const live = emulator().codes();
    assert.equal(live.length, 1, `expected one code in CAMS, found ${live.length}`);
    assert.equal(created.outs!.qrdlCode, live[0].qrdlCode, "the resource does not own the code CAMS made");
    return created.outs!;
  }

  it("when the answer leaves out PhoneNumber, PrefilledMessage and DeepLinkUrl", async () => {
    const outs = await createThrough(onCreates(1, ({ QrdlCode, QrImageUrl }) => ({ QrdlCode, QrImageUrl })));
    assert.equal(outs.phoneNumber, "8615800000000");
    assert.equal(outs.prefilledMessage, inputs().prefilledMessage);
  });

  it("when the answer names the image format in lower case with spaces", async () => {
    const outs = await createThrough(onCreates(1, (d) => ({ ...d, GenerateQrImage: " svg " })), { generateQrImage: "SVG" });
    assert.equal(outs.generateQrImage, "SVG");
  });

  it("when the answer carries no QrdlCode: the made code is found by listing, not made twice", async () => {
    await createThrough(onCreates(1, ({ QrdlCode: _dropped, ...rest }) => rest));
  });
});
