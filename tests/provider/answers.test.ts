import { strict as assert } from "assert";
import { CamsError } from "../../provider/errors/camsError";
import { StandInReply, clientOf, ok, startStandIn } from "./standIn";

const PHONE = "8615800000000";
const CREATE = { phoneNumber: PHONE, prefilledMessage: "Hi there ", generateQrImage: "SVG" as const };

/** Runs `body` against a stand-in answering each request in turn with `replies` (the last one repeats). */
async function against<T>(replies: StandInReply[], body: (endpoint: string) => Promise<T>): Promise<{ result: T; requests: number }> {
  const standIn = await startStandIn((_req, n) => replies[Math.min(n, replies.length - 1)]);
  try {
    const result = await body(standIn.endpoint);
    return { result, requests: standIn.requests.length };
  } finally {
    await standIn.close();
  }
}

async function createFails(replies: StandInReply[], check: (e: CamsError) => void): Promise<number> {
  const { result, requests } = await against(replies, (endpoint) => clientOf(endpoint).createQrdl(CREATE).then(() => undefined, (e: unknown) => e));
  assert.ok(result instanceof CamsError, `expected a CamsError, got ${String(result)}`);
  check(result);
  return requests;
}

describe("answers are read by what each call needs", () => {
  it("a create answered without PhoneNumber, message, format or links keeps the code it made", async () => {
    const { result } = await against([ok({ QrdlCode: "4O4YGZEG3RIVE1" })], (endpoint) => clientOf(endpoint).createQrdl(CREATE));
    assert.deepEqual(result, {
      phoneNumber: PHONE,
      qrdlCode: "4O4YGZEG3RIVE1",
      prefilledMessage: "Hi there ",
      generateQrImage: "SVG",
      deepLinkUrl: "https://wa.me/message/4O4YGZEG3RIVE1",
      qrImageUrl: "",
    });
  });

  for (const [sent, recorded] of [["svg", "SVG"], ["png", "PNG"], [" Svg\n", "SVG"], ["PNG", "PNG"]] as const) {
    it(`GenerateQrImage answered as ${JSON.stringify(sent)} is recorded as ${recorded}, in a create and in a listing`, async () => {
      const item = { QrdlCode: " CODE0000000001\n", GenerateQrImage: sent, PrefilledMessage: "Hi", PhoneNumber: ` ${PHONE} ` };
      const created = await against([ok(item)], (endpoint) => clientOf(endpoint).createQrdl({ ...CREATE, generateQrImage: recorded === "SVG" ? "PNG" : "SVG" }));
      assert.equal(created.result.generateQrImage, recorded);
      assert.equal(created.result.qrdlCode, "CODE0000000001");
      assert.equal(created.result.phoneNumber, PHONE);
      const listed = await against([ok([item])], (endpoint) => clientOf(endpoint).listQrdls({ phoneNumber: PHONE }));
      assert.deepEqual(listed.result.map((r) => [r.qrdlCode, r.generateQrImage]), [["CODE0000000001", recorded]]);
    });
  }

  it("a create answered with a format other than PNG or SVG is an unknown outcome, not a guess", async () => {
    const sent = await createFails([ok({ QrdlCode: "CODE0000000002", GenerateQrImage: "jpeg" })], (e) => {
      assert.equal(e.code, "InvalidResponse");
      assert.equal(e.outcome, "unknown");
      assert.match(e.serviceMessage, /"jpeg" is neither PNG nor SVG/);
    });
    assert.equal(sent, 1);
  });

  it("a create answered OK without a QrdlCode is an unknown outcome and is never sent again", async () => {
    const sent = await createFails([ok({ PhoneNumber: PHONE })], (e) => {
      assert.equal(e.code, "InvalidResponse");
      assert.equal(e.outcome, "unknown");
      assert.match(e.requestId ?? "", /0C3F6F3B/);
    });
    assert.equal(sent, 1);
  });

  const unknownAnswers: Array<[string, StandInReply]> = [
    ["503 ServiceUnavailable", { status: 503, body: { Code: "ServiceUnavailable", Message: "The request has failed due to a temporary failure of the server.", RequestId: "r" } }],
    ["500 InternalError", { status: 500, body: { Code: "InternalError", Message: "unknown error", RequestId: "r" } }],
    ["502 with an HTML page", { status: 502, body: "<html><body>Bad Gateway</body></html>" }],
    ["503 Throttling (a 5xx is never just throttling)", { status: 503, body: { Code: "Throttling", Message: "busy", RequestId: "r" } }],
    ["200 with a body that is not JSON", { status: 200, body: "OK" }],
    ["200 cut off mid-JSON", { status: 200, body: '{"Code":"OK","Data":{"QrdlCode":"AB' }],
    ["a dropped connection", { drop: true }],
  ];
  for (const [what, reply] of unknownAnswers) {
    it(`a create answered with ${what} is an unknown outcome and is never sent again`, async () => {
      const sent = await createFails([reply, ok({ QrdlCode: "SECONDCODE0001" })], (e) => {
        assert.equal(e.outcome, "unknown", `${e.code} should leave the outcome unknown`);
        assert.equal(e.retryable, true);
      });
      assert.equal(sent, 1, "the client sent a create whose outcome was unknown again");
    });
  }

  it("a page that is not CAMS's (HTTP 404, HTML) says to check the endpoint", async () => {
    await createFails([{ status: 404, body: "<html>Not Found</html>" }], (e) => {
      assert.equal(e.code, "InvalidResponse");
      assert.equal(e.httpStatus, 404);
      assert.match(e.hint ?? "", /cams:endpoint/);
    });
  });

  it("a create answered with a throttling code is sent again after a pause", async () => {
    const throttled = { status: 400, body: { Code: "Throttling.User", Message: "Request was denied due to user flow control.", RequestId: "r" } };
    const { result, requests } = await against([throttled, ok({ QrdlCode: "AFTERTHROTTLE1" })], (endpoint) => clientOf(endpoint).createQrdl(CREATE));
    assert.equal(result.qrdlCode, "AFTERTHROTTLE1");
    assert.equal(requests, 2);
  });

  it("a business error in an HTTP 200 body is refused, with its code and request id, and not sent again", async () => {
    const denied = { status: 200, body: { Code: "Ram.PermissionDeny", Message: "You are not authorized.", RequestId: "REQ-200-DENIED", AccessDeniedDetail: "{}" } };
    const sent = await createFails([denied], (e) => {
      assert.equal(e.code, "Ram.PermissionDeny");
      assert.equal(e.httpStatus, 200);
      assert.equal(e.outcome, "refused");
      assert.equal(e.requestId, "REQ-200-DENIED");
    });
    assert.equal(sent, 1);
  });

  it("5xx answers and lost answers of a listing are asked again until one is usable", async () => {
    const replies: StandInReply[] = [{ status: 503, body: { Code: "ServiceUnavailable", Message: "busy", RequestId: "r" } }, { drop: true }, { status: 200, body: "not json" }, ok([])];
    const { result, requests } = await against(replies, (endpoint) => clientOf(endpoint).listQrdls({ phoneNumber: PHONE }));
    assert.deepEqual(result, []);
    assert.equal(requests, 4);
  });

  it("a listing with a code that lacks its message is not trusted", async () => {
    const { result } = await against([ok([{ QrdlCode: "NOMESSAGE00001", GenerateQrImage: "PNG" }])], (endpoint) =>
      clientOf(endpoint).listQrdls({ phoneNumber: PHONE }).then(() => undefined, (e: unknown) => e),
    );
    assert.ok(result instanceof CamsError && result.code === "InvalidResponse", String(result));
  });
});
