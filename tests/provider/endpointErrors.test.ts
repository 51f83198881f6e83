import { strict as assert } from "assert";
import * as net from "net";
import { DEMO_CREDENTIAL } from "../../emulator";
import { DEFAULT_RETRY_POLICY } from "../../provider/client/retry";
import { CamsError } from "../../provider/errors/camsError";
import { InvalidSettingError } from "../../provider/errors/configErrors";
import { QrdlProvider } from "../../provider/lifecycle/provider";
import { UNLIMITED, inputs, providerFor, stackConfig, useEmulator } from "./fixtures";

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A provider with the demo key and the given client settings, retrying as in production. */
function providerWith(settings: Record<string, string>, attempts: number[] = []): QrdlProvider {
  return new QrdlProvider({
    config: stackConfig({ "alicloud:accessKey": DEMO_CREDENTIAL.accessKeyId, "alicloud:secretKey": DEMO_CREDENTIAL.accessKeySecret, ...UNLIMITED, ...settings }),
    env: {},
    retry: DEFAULT_RETRY_POLICY,
    observe: (event) => attempts.push(event.attempt),
  });
}

describe("errors that name the endpoint and say what decides it", () => {
  const emulator = useEmulator({ qpsPerAccessKey: 0 });

  it("a closed port fails on the first attempt, naming the endpoint, and says nothing was sent", async () => {
    const port = await closedPort();
    const attempts: number[] = [];
    await assert.rejects(providerWith({ "cams:endpoint": `127.0.0.1:${port}`, "cams:protocol": "HTTP" }, attempts).create(inputs()), (e: unknown) => {
      assert.ok(e instanceof CamsError, String(e));
      assert.equal(e.code, "EndpointUnreachable");
      assert.equal(e.endpoint, `http://127.0.0.1:${port}`);
      assert.ok(e.message.includes(`http://127.0.0.1:${port}`), e.message);
      assert.match(e.hint ?? "", /cams:endpoint/);
      assert.equal(e.outcomeUnknown, false);
      return true;
    });
    assert.deepEqual(attempts, [1], "a refused connection is not retried");
  });

  it("cams:endpoint written as an http:// URL reaches the emulator over HTTP", async () => {
    const provider = providerWith({ "cams:endpoint": `http://${emulator().endpoint}/` });
    await provider.create(inputs());
    assert.equal(emulator().codes().length, 1);
  });

  it("cams:endpoint with a scheme that contradicts cams:protocol is refused before any call", async () => {
    emulator().resetCalls();
    await assert.rejects(providerWith({ "cams:endpoint": `https://${emulator().endpoint}`, "cams:protocol": "HTTP" }).create(inputs()), (e: unknown) => {
      assert.ok(e instanceof InvalidSettingError, String(e));
      assert.match(e.message, /^cams:endpoint .*cams:protocol/);
      return true;
    });
    assert.equal(emulator().calls().length, 0);
  });

  it("a bad cams:endpoint fails when the stack config arrives, so a preview already shows it", async () => {
    const provider = new QrdlProvider({ env: {} });
    const config = stackConfig({ "cams:endpoint": "127.0.0.1:8790/cams" }) as unknown as Parameters<QrdlProvider["configure"]>[0]["config"];
    await assert.rejects(provider.configure({ config }), (e: unknown) => e instanceof InvalidSettingError && e.setting === "cams:endpoint");
  });

  it("HTTPS against a plain-HTTP endpoint is a TlsError whose hint names cams:protocol, without OpenSSL text", async () => {
    const attempts: number[] = [];
    await assert.rejects(providerWith({ "cams:endpoint": emulator().endpoint }, attempts).create(inputs()), (e: unknown) => {
      assert.ok(e instanceof CamsError, String(e));
      assert.equal(e.code, "TlsError");
      assert.match(e.hint ?? "", /cams:protocol/);
      assert.ok(e.message.includes(`https://${emulator().endpoint}`), e.message);
      assert.doesNotMatch(e.message, /ssl3_|openssl|routines/i);
      return true;
    });
    assert.deepEqual(attempts, [1], "a TLS mismatch is not retried");
  });

  it("alicloud:region never moves CAMS: the call goes to the ap-southeast-1 endpoint", async () => {
    const provider = new QrdlProvider({
      config: stackConfig({ "alicloud:region": "cn-hangzhou", "alicloud:accessKey": DEMO_CREDENTIAL.accessKeyId, "alicloud:secretKey": DEMO_CREDENTIAL.accessKeySecret }),
      env: { ALIBABA_CLOUD_REGION_ID: "cn-hangzhou" },
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    // Offline the host does not resolve; online CAMS refuses the demo key: either way the error names where the call went.
    await assert.rejects(provider.create(inputs()), (e: unknown) => e instanceof CamsError && e.endpoint === "https://cams.ap-southeast-1.aliyuncs.com");
  });

  for (const asHttp200 of [false, true]) {
    it(`Ram.PermissionDeny${asHttp200 ? " in an HTTP 200 body" : ""} carries the AccessDeniedDetail`, async () => {
      emulator().configure({ deniedActions: ["cams:ListPhoneMessageQrdl"], businessErrorsAsHttp200: asHttp200 });
      await assert.rejects(providerFor(emulator()).create(inputs()), (e: unknown) => {
        assert.ok(e instanceof CamsError, String(e));
        assert.equal(e.code, "Ram.PermissionDeny");
        assert.equal(e.httpStatus, asHttp200 ? 200 : 400);
        assert.match(e.accessDeniedDetail ?? "", /"AuthAction":"cams:ListPhoneMessageQrdl"/);
        assert.match(e.message, /AccessDeniedDetail: /);
        assert.equal(e.endpoint, `http://${emulator().endpoint}`);
        return true;
      });
    });
  }
});
