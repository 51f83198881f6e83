import { strict as assert } from "assert";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { ConfigureArgs, installSdkShims } from "../../provider/plugin/sdkShims";

describe("the plugin's shims over the SDK's provider server", () => {
  const configured: ConfigureArgs[] = [];
  before(() => installSdkShims((args) => configured.push(args)));

  it("a Read without properties, as `pulumi import` sends it, reads as an empty property bag instead of crashing", () => {
    const request = provproto.ReadRequest.deserializeBinary(new provproto.ReadRequest().setId("8615800000000/ABCD1234").serializeBinary());
    assert.deepEqual(request.getProperties()!.toJavaScript(), {});
  });

  it("a Read with properties still reads them", () => {
    const sent = new provproto.ReadRequest().setProperties(Struct.fromJavaScript({ qrdlCode: "ABCD1234" }));
    assert.deepEqual(provproto.ReadRequest.deserializeBinary(sent.serializeBinary()).getProperties()!.toJavaScript(), { qrdlCode: "ABCD1234" });
  });

  it("the provider's configuration in a Configure request reaches the plugin, from its args or its legacy variables", () => {
    const decode = provrpc.ResourceProviderService.configure.requestDeserialize;
    const withVariables = new provproto.ConfigureRequest();
    withVariables.getVariablesMap().set("cams:config:endpoint", "127.0.0.1:8790");
    decode(Buffer.from(withVariables.serializeBinary()));
    assert.deepEqual(configured.pop(), { endpoint: "127.0.0.1:8790" });
    const withArgs = new provproto.ConfigureRequest().setArgs(Struct.fromJavaScript({ endpoint: "127.0.0.1:8790", timeoutMs: 3000 }));
    decode(Buffer.from(withArgs.serializeBinary()));
    assert.deepEqual(configured.pop(), { endpoint: "127.0.0.1:8790", timeoutMs: 3000 });
  });
});
