import Cams, * as $Cams from "@alicloud/cams20200606";
import * as $OpenApi from "@alicloud/openapi-client";
import { strict as assert } from "node:assert";
import { CamsEmulator, DEMO_CREDENTIAL, type EmulatorCredential, type EmulatorOptions } from "../../../emulator";

/** A phone number every test may use. */
export const PHONE = "8615800000000";

/** Starts an emulator for a test suite, without flow control unless the suite asks for it. */
export function startEmulator(options: EmulatorOptions = {}): Promise<CamsEmulator> {
  return CamsEmulator.start({ ...options, behaviour: { qpsPerAccessKey: 0, ...options.behaviour } });
}

/** The real CAMS SDK client pointed at the emulator, as pulumi-cams configures it. */
export function camsClient(
  emulator: CamsEmulator,
  options: { credential?: EmulatorCredential; signatureAlgorithm?: "v2" } = {},
): Cams {
  const credential = options.credential ?? DEMO_CREDENTIAL;
  return new Cams(
    new $OpenApi.Config({
      accessKeyId: credential.accessKeyId,
      accessKeySecret: credential.accessKeySecret,
      securityToken: credential.securityToken,
      endpoint: emulator.endpoint,
      protocol: "HTTP",
      regionId: "ap-southeast-1",
      signatureAlgorithm: options.signatureAlgorithm,
    }),
  );
}

/** Creates a code with the real client and returns the response body's Data. */
export async function createCode(
  client: Cams,
  fields: { phoneNumber?: string; prefilledMessage?: string; generateQrImage?: string; custSpaceId?: string } = {},
): Promise<$Cams.CreatePhoneMessageQrdlResponseBodyData> {
  const response = await client.createPhoneMessageQrdl(
    new $Cams.CreatePhoneMessageQrdlRequest({
      phoneNumber: PHONE,
      prefilledMessage: "Hello",
      generateQrImage: "PNG",
      ...fields,
    }),
  );
  assert.equal(response.body?.code, "OK", `create answered ${JSON.stringify(response.body)}`);
  assert.ok(response.body?.data, "create returned no Data");
  return response.body.data;
}

/** The QrdlCodes the real client lists for a phone number (and space). */
export async function listCodes(client: Cams, phoneNumber = PHONE, custSpaceId?: string): Promise<string[]> {
  const response = await client.listPhoneMessageQrdl(new $Cams.ListPhoneMessageQrdlRequest({ phoneNumber, custSpaceId }));
  assert.equal(response.body?.code, "OK", `list answered ${JSON.stringify(response.body)}`);
  return (response.body?.data ?? []).map((d) => d.qrdlCode ?? "");
}

/** The error an SDK call is rejected with, as @alicloud/openapi-client builds it. */
export interface SdkError {
  code: string;
  statusCode: number;
  message: string;
  data: Record<string, unknown>;
  accessDeniedDetail?: string;
}

/** Asserts that an SDK call fails with this code and HTTP status, and returns the error. */
export async function expectSdkError(call: Promise<unknown>, code: string, statusCode: number): Promise<SdkError> {
  let caught: SdkError | undefined;
  await assert.rejects(call, (error: SdkError) => {
    caught = error;
    return true;
  });
  assert.equal(caught?.code, code, `expected ${code}, got ${caught?.code}: ${caught?.message}`);
  assert.equal(caught?.statusCode, statusCode, `expected HTTP ${statusCode} for ${code}, got ${caught?.statusCode}`);
  return caught as SdkError;
}

export { $Cams };
