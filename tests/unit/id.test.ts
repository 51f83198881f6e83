import { strict as assert } from "assert";
import { formatId, parseId } from "../../provider/lifecycle/id";

describe("resource id", () => {
  it("is <phone>/<code> without a space and <space>/<phone>/<code> with one", () => {
    assert.equal(formatId({ phoneNumber: "8615800000000", qrdlCode: "ABC" }), "8615800000000/ABC");
    assert.equal(formatId({ phoneNumber: "8615800000000", qrdlCode: "ABC", custSpaceId: "cams-1" }), "cams-1/8615800000000/ABC");
  });

  it("parses both forms back", () => {
    assert.deepEqual(parseId("8615800000000/ABC"), { phoneNumber: "8615800000000", qrdlCode: "ABC" });
    assert.deepEqual(parseId("cams-1/8615800000000/ABC"), { phoneNumber: "8615800000000", qrdlCode: "ABC", custSpaceId: "cams-1" });
  });

  for (const bad of ["ABC", "+86 158/ABC", "8615800000000/", "a/b/c/d", "/8615800000000/ABC", ""]) {
    it(`rejects ${JSON.stringify(bad)} with the expected forms`, () => {
      assert.throws(() => parseId(bad), /<phoneNumber>\/<qrdlCode>.*<custSpaceId>\/<phoneNumber>\/<qrdlCode>/);
    });
  }
});
