import type { IncomingMessage, ServerResponse } from "node:http";
import { InvalidBehaviourError, type BehaviourPatch, type EmulatorBehaviour } from "./behaviour";
import { sendJson } from "./http/respond";
import { InvalidCodePatchError, UnknownCodeError, type CodePatch } from "./outOfBand";
import type { CallRecord, QrdlRecord } from "./records";

/** What the admin API can do to an emulator; CamsEmulator offers the same methods to code in-process. */
export interface EmulatorControl {
  readonly url: string;
  readonly endpoint: string;
  codes(): QrdlRecord[];
  editCode(phoneNumber: string, qrdlCode: string, patch: CodePatch): QrdlRecord;
  deleteCode(phoneNumber: string, qrdlCode: string): boolean;
  calls(): CallRecord[];
  resetCalls(): void;
  behaviour(): EmulatorBehaviour;
  configure(patch: BehaviourPatch): void;
  reset(): void;
}

/** The admin API's path prefix; nothing under it is signed, so the emulator listens on 127.0.0.1 by default. */
export const ADMIN_PREFIX = "/_emulator/";

/**
 * Serves the admin API for tests in other processes, people and the CLI:
 * GET health, GET codes, PATCH|DELETE codes/<phone>/<code>, GET|DELETE calls, GET|PATCH behaviour, POST reset.
 */
export function handleAdmin(req: IncomingMessage, res: ServerResponse, body: Buffer, control: EmulatorControl): void {
  const path = (req.url ?? "").split("?")[0].slice(ADMIN_PREFIX.length);
  const segments = path.split("/").map(safeDecode);
  const route = `${req.method} ${segments[0]}`;
  if (segments.includes(undefined)) return fail(res, 400, "BadRequest", "The path has a malformed percent-escape.");
  // A web page can POST form or text bodies without asking first; JSON it cannot.
  if ((req.method === "POST" || req.method === "PATCH") && !isJson(req.headers["content-type"])) {
    return fail(res, 415, "UnsupportedMediaType", `${req.method} on the admin API takes content-type application/json.`);
  }
  if (segments[0] === "codes" && segments.length === 3) {
    const [, phoneNumber, qrdlCode] = segments as string[];
    if (req.method === "PATCH") {
      const patch = readJson(body, res);
      if (patch !== undefined) respondWith(res, () => control.editCode(phoneNumber, qrdlCode, patch as CodePatch));
      return;
    }
    if (req.method === "DELETE") {
      if (!control.deleteCode(phoneNumber, qrdlCode)) return fail(res, 404, "NotFound", new UnknownCodeError(phoneNumber, qrdlCode).message);
      return sendJson(res, 200, { deleted: true, phoneNumber, qrdlCode });
    }
    return fail(res, 405, "MethodNotAllowed", "Use PATCH or DELETE on a code.");
  }
  if (segments.length !== 1) return fail(res, 404, "NotFound", `No admin resource at ${ADMIN_PREFIX}${path}.`);
  switch (route) {
    case "GET health":
      return sendJson(res, 200, { status: "ok", url: control.url, endpoint: control.endpoint, codes: control.codes().length });
    case "GET codes":
      return sendJson(res, 200, control.codes());
    case "GET calls":
      return sendJson(res, 200, control.calls());
    case "DELETE calls":
      control.resetCalls();
      return sendJson(res, 200, { cleared: true });
    case "GET behaviour":
      return sendJson(res, 200, control.behaviour());
    case "PATCH behaviour": {
      const patch = readJson(body, res);
      if (patch !== undefined) respondWith(res, () => (control.configure(patch as BehaviourPatch), control.behaviour()));
      return;
    }
    case "POST reset":
      control.reset();
      return sendJson(res, 200, { reset: true });
  }
  const known = ["health", "codes", "calls", "behaviour", "reset"].includes(segments[0] ?? "");
  return known
    ? fail(res, 405, "MethodNotAllowed", `${req.method} is not supported on ${ADMIN_PREFIX}${path}.`)
    : fail(res, 404, "NotFound", `No admin resource at ${ADMIN_PREFIX}${path}.`);
}

// Invalid input from a caller is a 4xx with the reason; anything else is a bug and surfaces as a 500 upstream.
function respondWith(res: ServerResponse, action: () => unknown): void {
  try {
    sendJson(res, 200, action());
  } catch (error) {
    if (error instanceof UnknownCodeError) return fail(res, 404, "NotFound", error.message);
    if (error instanceof InvalidCodePatchError || error instanceof InvalidBehaviourError) {
      return fail(res, 400, "InvalidParameter", error.message);
    }
    throw error;
  }
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? "").split(";")[0].trim().toLowerCase() === "application/json";
}

function readJson(body: Buffer, res: ServerResponse): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    fail(res, 400, "InvalidJson", "The admin request body must be a JSON object.");
    return undefined;
  }
}

function fail(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { Code: code, Message: message });
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
